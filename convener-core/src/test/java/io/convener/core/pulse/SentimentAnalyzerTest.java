package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskKind;
import io.convener.core.Conveners;
import io.convener.spi.pulse.SentimentAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A host's analyzer scores the events that arrive without a sentiment, and only those. */
class SentimentAnalyzerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void eventsWithoutSentimentAreScoredByTheHostsAnalyzer() {
    SentimentAnalyzer gloomy = (tenant, event) -> OptionalDouble.of(-0.9);
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:sentiment-" + UUID.randomUUID())
        .module(binder -> OptionalBinder.newOptionalBinder(binder, SentimentAnalyzer.class).setBinding().toInstance(gloomy))
        .build()) {
      List<Member> members = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        MemberId m = MemberId.of("m" + i);
        members.add(Member.builder(m).teams(TeamId.of("t")).build());
        for (int j = 0; j < 2; j++) {
          events.add(Event.builder(EventId.of("e" + i + j), AS_OF.minusSeconds(3600L * (i + 1) + j), EventKind.MESSAGE, m).build());
        }
      }
      // One event carries its own sentiment: the analyzer is not asked about it.
      events.add(Event.builder(EventId.of("own"), AS_OF.minusSeconds(60), EventKind.MESSAGE, MemberId.of("m0"))
          .sentiment(0.9).build());
      c.ingest().submit(ADMIN, members, events);
      PulseReport r = c.pulse().report(ADMIN, PulseRequest.of(PulseScope.team(TeamId.of("t")), AS_OF));
      // (10 × −0.9 + 0.9) / 11
      assertThat(r.metrics().get(PulseMetric.SENTIMENT).getAsDouble()).isCloseTo((10 * -0.9 + 0.9) / 11, within(1e-6));
      assertThat(r.risks(RiskKind.NEGATIVE_SENTIMENT)).hasSize(1);
    }
  }
}
