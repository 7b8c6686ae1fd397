package io.convener.core.feedback;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.Conveners;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running Convener on in-memory H2. ACME holds the planted pulse scenario (everybody consenting
 * to champion recommendations) and a small learning lineage: {@code bo} and {@code dee} taught what
 * {@code ana} applied for outcome {@code o1}. GLOBEX has the same members and the same lineage, but
 * none of the scenario's activity: enough for its feedback to name the same ids. Without the
 * activity ({@code new FeedbackFixture(false)}) ACME is like GLOBEX, and the fixture starts fast.
 */
final class FeedbackFixture implements AutoCloseable {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId DEE = MemberId.of("dee");
  static final EventId OUTCOME = EventId.of("o1");
  static final PlantedPulseScenario SCENARIO = PlantedPulseScenario.standard();

  final String url = "jdbc:h2:mem:feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  final Convener convener = Conveners.builder().database(url).inMemoryKeys().build();

  FeedbackFixture(boolean activity) {
    for (TenantId tenant : List.of(ACME, GLOBEX)) {
      List<Member> members = new ArrayList<>(SCENARIO.members());
      members.add(Member.builder(ANA).teams(TeamId.of("t1")).build());
      members.add(Member.builder(BO).teams(TeamId.of("t2")).build());
      members.add(Member.builder(DEE).teams(TeamId.of("t3")).build());
      List<Event> events = new ArrayList<>(activity && tenant.equals(ACME) ? SCENARIO.events() : List.of());
      Instant t0 = PlantedPulseScenario.START.plus(Duration.ofDays(3));
      for (Member m : SCENARIO.members()) {
        events.add(Event.builder(EventId.of("cr-" + m.id().value()), t0, EventKind.CONSENT, m.id())
            .attrs(Attrs.of(Map.of("purpose", "champion.recommendation", "decision", "granted"))).build());
      }
      events.add(Event.builder(EventId.of("l1"), t0, EventKind.LEARNING, BO).build());
      events.add(Event.builder(EventId.of("l2"), t0.plusSeconds(60), EventKind.LEARNING, DEE).build());
      events.add(Event.builder(EventId.of("a1"), t0.plusSeconds(3600), EventKind.APPLIED, ANA)
          .refs(List.of(EventId.of("l1"), EventId.of("l2"))).build());
      events.add(Event.builder(OUTCOME, t0.plusSeconds(7200), EventKind.OUTCOME, ANA)
          .refs(List.of(EventId.of("a1"))).build());
      convener.ingest().submit(admin(tenant), members, events);
      for (MemberId m : List.of(ANA, BO, DEE)) {
        convener.consent().grant(admin(tenant), m, Purpose.LEARNING_ATTRIBUTION, "notice-1");
      }
    }
  }

  static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin-1", Role.ADMIN);
  }

  static Principal otherAdmin(TenantId tenant) {
    return Principal.of(tenant, "admin-2", Role.ADMIN);
  }

  static Principal member(TenantId tenant, MemberId m) {
    return Principal.of(tenant, m.value(), Role.MEMBER);
  }

  static Principal lead(TenantId tenant, MemberId m) {
    return Principal.of(tenant, m.value(), Role.TEAM_LEAD);
  }

  static Principal manager(TenantId tenant) {
    return Principal.of(tenant, "cm-1", Role.COMMUNITY_MANAGER);
  }

  /** The tenant's provenance entries of one activity, read as a compliance officer. */
  List<ProvenanceEntry> entries(TenantId tenant, String activity) {
    return convener.provenance()
        .query(Principal.of(tenant, "auditor", Role.COMPLIANCE_OFFICER),
            ProvenanceQuery.builder().activity(activity).limit(ProvenanceQuery.MAX_LIMIT).build())
        .entries();
  }

  @Override
  public void close() {
    convener.close();
  }
}
