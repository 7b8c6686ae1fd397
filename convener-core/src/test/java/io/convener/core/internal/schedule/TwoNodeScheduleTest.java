package io.convener.core.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import io.convener.spi.storage.TenantStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes (two Conveners, each with its own scheduler) on one SQLite file, ticking at the same
 * instants from two threads: each job runs for each tenant exactly once per period, on one node or
 * the other, and not at all between periods.
 */
class TwoNodeScheduleTest {
  private static final List<TenantId> TENANTS = List.of(TenantId.of("acme"), TenantId.of("globex"), TenantId.of("initech"));
  private static final Duration PERIOD = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;

  @Test
  void eachJobRunsOnceForEachTenantPerPeriodAcrossBothNodes() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("convener.db");
    List<CountingJob.Run> runs = CountingJob.shared();
    ScheduleSettings settings = ScheduleSettings.defaults();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (ScheduleNode a = new ScheduleNode(url, dir.resolve("keys"), settings,
            List.of(new CountingJob("count", PERIOD, "a", runs)));
        ScheduleNode b = new ScheduleNode(url, dir.resolve("keys"), settings,
            List.of(new CountingJob("count", PERIOD, "b", runs)))) {
      TENANTS.forEach(a.injector.getInstance(TenantStore.class)::register);
      int periods = 6;
      for (int p = 0; p < periods; p++) {
        Instant start = T0.plus(PERIOD.multipliedBy(p));
        tickBoth(threads, a, b, start);
        tickBoth(threads, a, b, start.plus(PERIOD.dividedBy(2)));
        tickBoth(threads, a, b, start.plus(PERIOD).minusSeconds(1));
        List<CountingJob.Run> inPeriod = runs.stream()
            .filter(r -> !r.at().isBefore(start) && r.at().isBefore(start.plus(PERIOD))).toList();
        assertThat(inPeriod).as("runs in period " + p).extracting(CountingJob.Run::tenant)
            .containsExactlyInAnyOrderElementsOf(TENANTS);
      }
      assertThat(runs).hasSize(periods * TENANTS.size());
      Map<String, Long> byNode = runs.stream().collect(Collectors.groupingBy(CountingJob.Run::node, Collectors.counting()));
      System.out.println("runs by node: " + byNode);
    } finally {
      threads.shutdown();
    }
  }

  /** Both nodes tick at {@code at}, at once. */
  private static void tickBoth(ExecutorService threads, ScheduleNode a, ScheduleNode b, Instant at) throws Exception {
    a.clock.set(at);
    b.clock.set(at);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> ticks = new ArrayList<>();
    for (ScheduleNode node : List.of(a, b)) {
      ticks.add(threads.submit(() -> {
        go.await();
        return node.scheduler().runDue();
      }));
    }
    go.countDown();
    for (Future<Integer> t : ticks) {
      t.get();
    }
  }
}
