package io.convener.core.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import io.convener.spi.storage.TenantStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with SIGKILL in the middle of a scheduled run: the other node leaves the run alone
 * while the dead node's lease lasts, and takes it over, once, when the lease has ended.
 */
class KilledSchedulerNodeTest {
  static final ScheduleSettings SETTINGS = ScheduleSettings.defaults().withLease(Duration.ofMinutes(2));
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  @Test
  void theSurvivingNodeTakesTheKilledNodesRunOverWhenItsLeaseEnds() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("convener.db");
    Path keys = dir.resolve("keys");
    List<CountingJob.Run> runs = CountingJob.shared();
    try (ScheduleNode survivor = new ScheduleNode(url, keys, SETTINGS,
        List.of(new CountingJob(BlockingJobChild.JOB, Duration.ofHours(1), "survivor", runs)))) {
      survivor.injector.getInstance(TenantStore.class).register(ACME);
      Process child = start(url, keys);
      Instant claimedBefore;
      try {
        assertThat(readUntilHolding(child)).as("the child is inside its run").isTrue();
        claimedBefore = Instant.now();
      } finally {
        child.destroyForcibly(); // SIGKILL
        child.waitFor(30, TimeUnit.SECONDS);
      }
      survivor.clock.set(claimedBefore.plus(SETTINGS.lease()).minusSeconds(5));
      survivor.scheduler().runDue();
      assertThat(runs).as("runs while the dead node's lease lasts").isEmpty();

      survivor.clock.set(claimedBefore.plus(SETTINGS.lease()).plusSeconds(1));
      survivor.scheduler().runDue();
      survivor.scheduler().runDue();
      assertThat(runs).as("runs once the lease has ended").extracting(CountingJob.Run::tenant).containsExactly(ACME);
    }
  }

  private static Process start(String url, Path keys) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        BlockingJobChild.class.getName(), url, keys.toString())
        .redirectErrorStream(true).start();
  }

  /** Reads the child's output until it says HOLDING; false when it ends first. */
  private static boolean readUntilHolding(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals("HOLDING")) {
        return true;
      }
      System.out.println("child: " + line);
    }
    return false;
  }
}
