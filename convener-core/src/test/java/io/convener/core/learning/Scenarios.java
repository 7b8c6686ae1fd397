package io.convener.core.learning;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import java.util.List;
import java.util.UUID;

/** Runs the catalyst over a generated scenario in a fresh in-memory database, everybody consenting. */
final class Scenarios {
  static final TenantId TENANT = TenantId.of("acme");
  static final Principal ADMIN = Principal.of(TENANT, "admin", Role.ADMIN);

  private Scenarios() {}

  static Convener open() {
    return Conveners.builder()
        .database("jdbc:h2:mem:learning-" + UUID.randomUUID())
        .inMemoryKeys()
        .build();
  }

  static void load(Convener c, LearningScenario s) {
    c.ingest().submit(ADMIN, s.members(), s.events());
    for (Member m : s.members()) {
      consent(c, m.id());
    }
  }

  static void consent(Convener c, MemberId m) {
    c.consent().grant(ADMIN, m, Purpose.LEARNING_ATTRIBUTION, "notice-1");
  }

  static AttributionAccuracy accuracy(LearningScenario s, AttributionModel model) {
    try (Convener c = open()) {
      load(c, s);
      List<Attribution> all = c.learning().attribute(ADMIN, AttributionRequest.all().withModel(model));
      return AttributionAccuracy.of(s.originators(), all);
    }
  }
}
