package io.convener.core.internal.schedule;

import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A job that records each run (tenant, node, instant) in a list the nodes of a test share. */
final class CountingJob implements ScheduledJob {
  /** One run. */
  record Run(TenantId tenant, String node, Instant at) {}

  private final String name;
  private final Duration period;
  private final String node;
  private final List<Run> runs;

  CountingJob(String name, Duration period, String node, List<Run> runs) {
    this.name = name;
    this.period = period;
    this.node = node;
    this.runs = runs;
  }

  static List<Run> shared() {
    return new CopyOnWriteArrayList<>();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration period(ScheduleSettings settings) {
    return period;
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    runs.add(new Run(tenant, node, now));
  }
}
