package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
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
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A planted team move: member m is in team a (org eng/a) until X, then in team b (org eng/b).
 * Everyone in a and b acts once a day for 112 days, m three times. Windows are 28 days to AS_OF;
 * X lies halfway through the first baseline window (W1). With history-true scopes, a keeps m's
 * past and b has m only from X on; the numbers below are counted by hand from that plan.
 */
class HistoryTrueScopesTest {
  static final TenantId ACME = TenantId.of("acme");
  static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant X = AS_OF.minus(Duration.ofDays(42));
  static final MemberId M = MemberId.of("m");
  static final PulseScope A = PulseScope.team(TeamId.of("a"));
  static final PulseScope B = PulseScope.team(TeamId.of("b"));
  static final PulseScope ORG_B = PulseScope.org(OrgUnit.of("eng/b"));
  static final PulseScope ENG = PulseScope.org(OrgUnit.of("eng"));

  @TempDir Path dir;

  static Stream<Function<Path, JdbcSettings>> databases() {
    return Stream.of(p -> JdbcSettings.h2File(p.resolve("h2")), p -> JdbcSettings.sqlite(p.resolve("convener.db")));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aMoveRecordedWithTheMemberLeavesBothTeamsBaselinesHistoryTrue(Function<Path, JdbcSettings> db) {
    try (Convener c = Conveners.builder().database(db.apply(dir)).build()) {
      c.ingest().submit(ADMIN, members(X), events());
      assertHistoryTrue(c);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aMoveRecordedAfterTheEventsCorrectsBothTeamsOnEveryNode(Function<Path, JdbcSettings> db) {
    JdbcSettings settings = db.apply(dir);
    try (Convener first = Conveners.builder().database(settings).build();
        Convener second = Conveners.builder().database(settings).build()) {
      // Known only as a member of a: a's windows hold m throughout, b's never (today's rule).
      first.ingest().submit(ADMIN, members(null), events());
      for (Convener c : List.of(first, second)) {
        assertThat(epm(c, A, AS_OF, false)).isCloseTo(224 / 6.0, within(1e-9));
        assertThat(epm(c, A, AS_OF, true)).isCloseTo(224 / 6.0, within(1e-9));
        assertThat(epm(c, B, AS_OF, false)).isCloseTo(28, within(1e-9));
      }
      // The move, recorded later with a validFrom in the past; both nodes have loaded rollups and
      // the digests are persisted: the second node learns of it through the change counter.
      first.ingest().submit(ADMIN, List.of(Member.builder(M).teams(TeamId.of("b")).org(OrgUnit.of("eng/b"))
          .validFrom(X).build()), List.of());
      assertHistoryTrue(first);
      assertHistoryTrue(second);
      try (Convener fresh = Conveners.builder().database(settings).build()) {
        assertHistoryTrue(fresh);
      }
      // Re-sending the roster as it is now, without validFrom, keeps the history.
      List<Member> roster = new ArrayList<>(members(null).subList(0, 10));
      roster.add(moved());
      first.ingest().submit(ADMIN, roster, List.of());
      assertHistoryTrue(second);
    }
  }

  private static void assertHistoryTrue(Convener c) {
    // a keeps m's past: W1 has m for 14 days (42 events), W2 and W3 for all 28 (84 events).
    PulseReport a = c.pulse().report(ADMIN, PulseRequest.of(A, AS_OF));
    assertThat(a.metrics().get(PulseMetric.MEMBERS).getAsDouble()).isEqualTo(5);
    assertThat(a.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(28, within(1e-9));
    assertThat(a.baseline().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble())
        .isCloseTo((182 / 6.0 + 224 / 6.0 + 224 / 6.0) / 3, within(1e-9));
    assertThat(a.risks(RiskKind.SILENT_MEMBER)).as("m moved, did not fall silent").isEmpty();
    // b has m from X on: the window and the last 14 days of W1; W2 and W3 are b's five alone.
    PulseReport b = c.pulse().report(ADMIN, PulseRequest.of(B, AS_OF));
    assertThat(b.metrics().get(PulseMetric.MEMBERS).getAsDouble()).isEqualTo(6);
    assertThat(b.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(224 / 6.0, within(1e-9));
    assertThat(b.baseline().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble())
        .isCloseTo((182 / 6.0 + 28 + 28) / 3, within(1e-9));
    // A window before X counts m in a, not in b.
    assertThat(epm(c, A, X, false)).isCloseTo(224 / 6.0, within(1e-9));
    assertThat(epm(c, B, X, false)).isCloseTo(28, within(1e-9));
    // The org units move with the team; eng holds m throughout.
    assertThat(epm(c, ORG_B, AS_OF, true)).isCloseTo((182 / 6.0 + 28 + 28) / 3, within(1e-9));
    assertThat(epm(c, ENG, AS_OF, true)).isCloseTo((28 * 10 + 84) / 11.0, within(1e-9));
  }

  /** Events per member of the scope's window ending at {@code asOf}, or of its baseline. */
  static double epm(Convener c, PulseScope scope, Instant asOf, boolean baseline) {
    PulseReport r = c.pulse().report(ADMIN, PulseRequest.of(scope, asOf));
    assertThat(r.suppressed()).as(scope.wireName()).isEmpty();
    return (baseline ? r.baseline() : r.metrics()).get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble();
  }

  /** m in b, as the roster says after the move, without validFrom. */
  static Member moved() {
    return Member.builder(M).teams(TeamId.of("b")).org(OrgUnit.of("eng/b")).build();
  }

  /** a1..a5 in a, b1..b5 in b, m in a, then in b from {@code moved} on if given. */
  static List<Member> members(@Nullable Instant moved) {
    List<Member> out = new ArrayList<>();
    for (String t : List.of("a", "b")) {
      for (int i = 1; i <= 5; i++) {
        out.add(Member.builder(MemberId.of(t + i)).teams(TeamId.of(t)).org(OrgUnit.of("eng/" + t)).build());
      }
    }
    out.add(Member.builder(M).teams(TeamId.of("a")).org(OrgUnit.of("eng/a")).build());
    if (moved != null) {
      out.add(Member.builder(M).teams(TeamId.of("b")).org(OrgUnit.of("eng/b")).validFrom(moved).build());
    }
    return out;
  }

  /** One event a day (at noon) for every member but m, three for m, over the 112 days to AS_OF. */
  static List<Event> events() {
    List<Event> out = new ArrayList<>();
    Instant start = AS_OF.minus(Duration.ofDays(112));
    for (int day = 0; day < 112; day++) {
      Instant noon = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(12));
      for (Member m : members(null)) {
        int n = m.id().equals(M) ? 3 : 1;
        for (int j = 0; j < n; j++) {
          out.add(Event.builder(EventId.of(m.id().value() + "-" + day + "-" + j), noon.plusSeconds(j),
              EventKind.MEETING, m.id()).build());
        }
      }
    }
    return out;
  }
}
