package io.convener.core.internal.schedule;

import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The node {@link KilledSchedulerNodeTest} kills: it claims the run of {@value #JOB} for every
 * tenant by the system clock, prints {@code HOLDING} from inside the first run, and parks there
 * until it is killed. Arguments: the database URL and the key directory.
 */
public final class BlockingJobChild {
  static final String JOB = "held";

  private BlockingJobChild() {}

  /** Runs the child. */
  public static void main(String[] args) throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ScheduledJob held = new ScheduledJob() {
      @Override
      public String name() {
        return JOB;
      }

      @Override
      public Duration period(ScheduleSettings settings) {
        return Duration.ofHours(1);
      }

      @Override
      public void run(TenantId tenant, Instant now) {
        System.out.println("HOLDING");
        System.out.flush();
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ScheduleNode node = new ScheduleNode(args[0], Path.of(args[1]), KilledSchedulerNodeTest.SETTINGS, List.of(held));
    node.clock.set(Instant.now());
    node.scheduler().runDue();
  }
}
