package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskKind;
import io.convener.core.Conveners;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rollup holds the history its first read needed; a later read that looks further back rebuilds
 * it from an earlier horizon and sees everything the store has, including what was ingested in
 * between.
 */
class HistoryHorizonTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);

  @Test
  void anOlderQuestionRebuildsFromAnEarlierHorizon() {
    PlantedPulseScenario scenario = PlantedPulseScenario.standard();
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:horizon-" + UUID.randomUUID()).build()) {
      c.ingest().submit(ADMIN, scenario.members(), scenario.events());
      PulseScope declining = PulseScope.team(scenario.decliningTeam());
      // Half a year later: the rollup is built from a horizon after every planted event.
      Instant later = PlantedPulseScenario.AS_OF.plus(Duration.ofDays(200));
      PulseReport quiet = c.pulse().report(ADMIN, PulseRequest.of(declining, later));
      assertThat(quiet.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isZero();
      assertThat(quiet.baseline().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isZero();

      // Ingested meanwhile, older than that horizon.
      c.ingest().submit(ADMIN, List.of(), List.of(Event.builder(EventId.of("late-old"),
          PlantedPulseScenario.AS_OF.minus(Duration.ofDays(1)), EventKind.MESSAGE, MemberId.of("p09")).build()));

      PulseReport report = c.pulse().report(ADMIN, PulseRequest.of(declining, PlantedPulseScenario.AS_OF));
      assertThat(report.baseline().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(56, within(1e-9));
      // 12 per member planted, plus the late message of one of the ten.
      assertThat(report.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(12.1, within(1e-9));
      assertThat(report.risks(RiskKind.ENGAGEMENT_DROP)).hasSize(1);
      assertThat(c.pulse().report(ADMIN, PulseRequest.of(PulseScope.team(PlantedPulseScenario.QUIET),
          PlantedPulseScenario.AS_OF)).risks(RiskKind.SILENT_MEMBER).stream().mapToInt(r -> r.count()).sum()).isEqualTo(2);
    }
  }
}
