package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.CohortId;
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
import io.convener.api.pulse.PulseSettings;
import io.convener.core.Conveners;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On seeded random tenants whose members move between teams and cohorts (moves recorded before
 * and after the events, several of one member in one batch), every team's and cohort's window
 * counts exactly what a brute force over the planted history counts: the members who belonged at
 * some instant of the window, and each member's events at the instants they belonged.
 */
class HistoryTrueScopesPropertyTest {
  static final TenantId T = TenantId.of("acme");
  static final Principal ADMIN = Principal.of(T, "admin", Role.ADMIN);
  static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
  static final int DAYS = 112;
  static final int K = 3;

  /** One period of the planted history: from this instant on, this team and cohort. */
  record Period(long from, int team, int cohort) {}

  static LongStream seeds() {
    return LongStream.of(11, 12, 13);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyWindowCountsTheMembershipOfItsOwnTime(long seed) {
    System.out.println("HistoryTrueScopesPropertyTest seed " + seed);
    Random rnd = new Random(seed);
    long start = AS_OF.toEpochMilli() - DAYS * TenantRollup.DAY_MILLIS;
    int n = 24;
    List<List<Period>> history = new ArrayList<>();
    List<Member> roster = new ArrayList<>();
    List<Member> early = new ArrayList<>();
    List<Member> late = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Period> periods = new ArrayList<>(List.of(new Period(Long.MIN_VALUE, rnd.nextInt(3), rnd.nextInt(2))));
      roster.add(member(i, periods.get(0), null));
      long at = start;
      for (int moves = rnd.nextInt(3); moves > 0; moves--) {
        at += 1 + (long) (rnd.nextDouble() * (AS_OF.toEpochMilli() - at) / 2);
        Period p = new Period(at, rnd.nextInt(3), rnd.nextInt(2));
        periods.add(p);
        (i % 2 == 0 ? early : late).add(member(i, p, Instant.ofEpochMilli(at)));
      }
      history.add(periods);
    }
    List<Event> events = new ArrayList<>();
    List<List<Long>> instants = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Long> mine = new ArrayList<>();
      for (int e = 0, count = rnd.nextInt(120); e < count; e++) {
        long at = start + (long) (rnd.nextDouble() * DAYS * TenantRollup.DAY_MILLIS);
        mine.add(at);
        events.add(Event.builder(EventId.of("e-" + i + "-" + e), Instant.ofEpochMilli(at), EventKind.MEETING,
            MemberId.of("m" + i)).build());
      }
      instants.add(mine);
    }
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:history-" + UUID.randomUUID()).build()) {
      c.pulse().configure(ADMIN, PulseSettings.builder().minGroupSize(K).build());
      List<Member> first = new ArrayList<>(roster);
      first.addAll(early);
      c.ingest().submit(ADMIN, first, events);
      c.ingest().submit(ADMIN, late, List.of());
      int compared = 0;
      for (int days : new int[] {0, 10, 33, 61}) {
        Instant asOf = AS_OF.minus(Duration.ofDays(days));
        long until = asOf.toEpochMilli();
        long from = until - 28 * TenantRollup.DAY_MILLIS;
        for (int s = 0; s < 5; s++) {
          boolean team = s < 3;
          int id = team ? s : s - 3;
          PulseScope scope = team ? PulseScope.team(TeamId.of("t" + id)) : PulseScope.cohort(CohortId.of("c" + id));
          int members = 0;
          int active = 0;
          long total = 0;
          for (int i = 0; i < n; i++) {
            List<Period> ps = history.get(i);
            boolean belonged = false;
            long x = 0;
            for (int p = 0; p < ps.size(); p++) {
              long a = Math.max(from, ps.get(p).from());
              long b = Math.min(until, p + 1 < ps.size() ? ps.get(p + 1).from() : Long.MAX_VALUE);
              if (a < b && (team ? ps.get(p).team() : ps.get(p).cohort()) == id) {
                belonged = true;
                x += instants.get(i).stream().filter(t -> t >= a && t < b).count();
              }
            }
            members += belonged ? 1 : 0;
            active += x > 0 ? 1 : 0;
            total += x;
          }
          PulseReport r = c.pulse().report(ADMIN, PulseRequest.of(scope, asOf));
          if (members < K) {
            assertThat(r.suppressed()).as("seed %d %s at %s: %d members", seed, scope.wireName(), asOf, members).isPresent();
            continue;
          }
          if (r.suppressed().isPresent()) {
            continue; // complementary suppression over the scopes' members of all time
          }
          String at = "seed " + seed + " " + scope.wireName() + " at " + asOf;
          assertThat(r.metrics().get(PulseMetric.MEMBERS).getAsDouble()).as(at).isEqualTo(members);
          assertThat(r.metrics().get(PulseMetric.ACTIVE_MEMBERS).getAsDouble()).as(at).isEqualTo(active);
          assertThat(r.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).as(at)
              .isCloseTo(total / (double) members, within(1e-9));
          compared++;
        }
      }
      assertThat(compared).as("windows compared, seed %d", seed).isGreaterThanOrEqualTo(12);
    }
  }

  static Member member(int i, Period p, @Nullable Instant validFrom) {
    Member.Builder b = Member.builder(MemberId.of("m" + i)).teams(TeamId.of("t" + p.team()))
        .cohorts(CohortId.of("c" + p.cohort()));
    if (validFrom != null) {
      b.validFrom(validFrom);
    }
    return b.build();
  }
}
