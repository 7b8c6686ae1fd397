package io.convener.core.internal.schedule;

import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * A piece of work the {@link JobScheduler} runs for every tenant once per period, on one node at a
 * time. A run may be repeated (a node may die after the work and before its completion is stored,
 * or outlive its lease), so a job must be idempotent: notifications by key, transitions by
 * compare-and-set, purges by condition. Contributed with {@code Multibinder.newSetBinder(binder(),
 * ScheduledJob.class).addBinding()}. Implementations are thread-safe.
 */
public interface ScheduledJob {
  /** The job's name, unique among jobs: 1 to 64 characters such as {@code pulse.risks}. */
  String name();

  /** How long after a run starts the next one of the same tenant is due. */
  Duration period(ScheduleSettings settings);

  /**
   * Does the work for one tenant.
   *
   * @param now when the run was claimed, by the scheduler's clock
   * @throws RuntimeException when the work failed; the scheduler logs it and tries again next period
   */
  void run(TenantId tenant, Instant now);
}
