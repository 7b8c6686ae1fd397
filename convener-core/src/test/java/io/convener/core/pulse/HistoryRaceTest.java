package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import io.convener.core.Conveners;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Moves recorded one by one while other threads keep asking the pulse (so histories are read
 * again concurrently with upserts): once the last move returns, the next pulse counts every move.
 */
class HistoryRaceTest {
  static final TenantId T = TenantId.of("acme");
  static final Principal ADMIN = Principal.of(T, "admin", Role.ADMIN);
  static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
  static final PulseScope A = PulseScope.team(TeamId.of("a"));
  static final PulseScope B = PulseScope.team(TeamId.of("b"));
  static final int N = 12;

  @Test
  void thePulseAfterTheLastMoveCountsEveryMove() throws Exception {
    long seed = 21;
    System.out.println("HistoryRaceTest seed " + seed);
    Random rnd = new Random(seed);
    long start = AS_OF.toEpochMilli() - 28 * TenantRollup.DAY_MILLIS;
    List<Member> roster = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    long[] moved = new long[N];
    for (int i = 0; i < N; i++) {
      roster.add(Member.builder(MemberId.of("m" + i)).teams(TeamId.of("a")).build());
      moved[i] = start + 1 + (long) (rnd.nextDouble() * 27 * TenantRollup.DAY_MILLIS);
      for (int d = 0; d < 28; d++) {
        events.add(Event.builder(EventId.of("e" + i + "-" + d), Instant.ofEpochMilli(start + d * TenantRollup.DAY_MILLIS
            + 43_200_000L), EventKind.MEETING, MemberId.of("m" + i)).build());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:race-" + UUID.randomUUID()).build()) {
      c.ingest().submit(ADMIN, roster, events);
      AtomicBoolean done = new AtomicBoolean();
      CountDownLatch readersStarted = new CountDownLatch(2);
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          readersStarted.countDown();
          int asked = 0;
          while (!done.get()) {
            c.pulse().report(ADMIN, PulseRequest.of(asked % 2 == 0 ? A : B, AS_OF));
            asked++;
          }
          return asked;
        }));
      }
      assertThat(readersStarted.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < N; i++) {
        c.ingest().submit(ADMIN, List.of(Member.builder(MemberId.of("m" + i)).teams(TeamId.of("b"))
            .validFrom(Instant.ofEpochMilli(moved[i])).build()), List.of());
      }
      done.set(true);
      for (Future<Integer> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
      // Each member acts at noon every day: in a before their move, in b from it on.
      long inA = 0;
      for (int i = 0; i < N; i++) {
        for (int d = 0; d < 28; d++) {
          inA += start + d * TenantRollup.DAY_MILLIS + 43_200_000L < moved[i] ? 1 : 0;
        }
      }
      PulseReport a = c.pulse().report(ADMIN, PulseRequest.of(A, AS_OF));
      PulseReport b = c.pulse().report(ADMIN, PulseRequest.of(B, AS_OF));
      assertThat(a.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(inA / (double) N, within(1e-9));
      assertThat(b.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble())
          .isCloseTo((28 * N - inA) / (double) N, within(1e-9));
    } finally {
      pool.shutdownNow();
    }
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }
}
