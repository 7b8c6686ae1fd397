package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.PulseSeries;
import io.convener.api.pulse.PulseSettings;
import io.convener.core.Conveners;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import io.convener.testing.synthetic.SyntheticTeam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pulse series is the single-window pulses at its points, in one gate call: a 12-point weekly
 * series of every team of a synthetic organisation equals 12 separate pulses, suppression
 * included, and leaves one provenance entry.
 */
class PulseSeriesTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7})
  void aTwelvePointSeriesEqualsTwelveSinglePulses(long seed) {
    System.out.println("PulseSeriesTest seed " + seed);
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(seed).members(80).weeks(14).build().generate();
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:series-" + UUID.randomUUID()).build()) {
      c.ingest().submit(ADMIN, org.members(), org.events().toList());
      // Groups under 8 are suppressed, so that some teams are suppressed and others are not.
      c.pulse().configure(ADMIN, PulseSettings.defaults().toBuilder().minGroupSize(8).build());
      Instant asOf = org.end();
      Duration step = Duration.ofDays(7);
      int suppressed = 0;
      int shown = 0;
      List<Long> ids = new java.util.ArrayList<>();
      for (SyntheticTeam team : org.teams()) {
        PulseRequest last = PulseRequest.of(PulseScope.team(team.id()), asOf);
        PulseSeries series = c.pulse().series(ADMIN, last, 12, step);
        long id = series.provenanceId().orElseThrow();
        ids.add(id);
        assertThat(series.points()).hasSize(12);
        for (int i = 0; i < 12; i++) {
          PulseReport point = series.points().get(i);
          Instant at = asOf.minus(step.multipliedBy(11 - i));
          assertThat(point.asOf()).isEqualTo(at);
          assertThat(point.provenanceId()).isEqualTo(OptionalLong.of(id));
          PulseReport single = c.pulse().report(ADMIN, new PulseRequest(last.scope(), at, last.window()));
          assertThat(comparable(point)).as("%s at %s", team.id(), at).isEqualTo(comparable(single));
          if (point.isSuppressed()) {
            suppressed++;
          } else {
            shown++;
          }
        }
      }
      assertThat(entries(c, "pulse.series")).as("one entry per series").extracting(ProvenanceEntry::sequence)
          .containsExactlyElementsOf(ids);
      assertThat(suppressed).as("some points are suppressed").isPositive();
      assertThat(shown).as("some points are shown").isPositive();
    }
  }

  @Test
  void badShapesAndForeignTeamsAreRefused() {
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:series-" + UUID.randomUUID()).build()) {
      PulseRequest last = PulseRequest.of(PulseScope.team(io.convener.api.TeamId.of("core")),
          Instant.parse("2026-11-01T00:00:00Z"));
      for (int points : new int[] {0, -1, PulseSeries.MAX_POINTS + 1}) {
        assertThatThrownBy(() -> c.pulse().series(ADMIN, last, points, Duration.ofDays(7)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points");
      }
      assertThatThrownBy(() -> c.pulse().series(ADMIN, PulseRequest.of(last.scope(), Instant.parse("1800-02-01T00:00:00Z")),
          10, Duration.ofDays(7))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asOf");
      assertThatThrownBy(() -> c.pulse().series(ADMIN, last, 3, Duration.ofHours(12)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
      Principal lead = Principal.of(ACME, "someone", Role.TEAM_LEAD);
      assertThatThrownBy(() -> c.pulse().series(lead, last, 3, Duration.ofDays(7)))
          .isInstanceOf(AccessDeniedException.class);
      // The bad shapes never reach the gate; the lead's call is logged as refused.
      assertThat(entries(c, "pulse.series")).hasSize(1)
          .allMatch(e -> e.outcome().status() != io.convener.api.provenance.Outcome.Status.OK);
    }
  }

  /** The report without what differs between two calls: when it was computed and the entry of the call. */
  private static PulseReport comparable(PulseReport r) {
    return new PulseReport(r.scope(), r.asOf(), r.window(), Instant.EPOCH, r.suppressed(), r.metrics(), r.baseline(),
        r.risks(), r.stale(), OptionalLong.empty());
  }

  private static List<ProvenanceEntry> entries(Convener c, String activity) {
    return c.provenance().query(ADMIN, ProvenanceQuery.builder().activity(activity).build()).entries();
  }
}
