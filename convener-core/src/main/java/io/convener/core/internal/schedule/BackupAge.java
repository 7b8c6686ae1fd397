package io.convener.core.internal.schedule;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.JobLeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@code convener.backup.age}: seconds since the last completed scheduled backup of the
 * tenant whose last backup is oldest (the recovery point at risk), read from the job leases, so the
 * same on every node; 0 until a backup completed. Read at most every 15 s, however often the
 * exporter collects. Thread-safe.
 */
final class BackupAge {
  private static final Logger LOG = LoggerFactory.getLogger(BackupAge.class);
  private static final Duration REFRESH = Duration.ofSeconds(15);
  private static final int PAGE = 100;

  private final JobLeaseStore leases;
  private final Clock clock;
  private Instant readAt = Instant.MIN;
  private long ageSeconds;

  private BackupAge(JobLeaseStore leases, Clock clock) {
    this.leases = requireNonNull(leases, "leases");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Registers the gauge. */
  static void register(Telemetry telemetry, JobLeaseStore leases, Clock clock) {
    BackupAge age = new BackupAge(leases, clock);
    telemetry.meter().gaugeBuilder("convener.backup.age").ofLongs().setUnit("s")
        .setDescription("Seconds since the oldest of the tenants' last scheduled backups (0 before the first)")
        .buildWithCallback(m -> m.record(age.seconds()));
  }

  synchronized long seconds() {
    Instant now = clock.instant();
    if (Duration.between(readAt, now).compareTo(REFRESH) >= 0) {
      try {
        ageSeconds = read(now);
        readAt = now;
      } catch (RuntimeException e) {
        // A store that fails or is closed leaves the last figures: a gauge never throws into the exporter.
        LOG.debug("could not read the last backups: {}", e.getMessage());
      }
    }
    return ageSeconds;
  }

  private long read(Instant now) {
    @Nullable Instant oldest = null;
    TenantId cursor = TenantId.of("0");
    boolean first = true;
    while (true) {
      List<TenantId> page = leases.tenants(cursor, PAGE);
      for (TenantId tenant : page) {
        Optional<Instant> last = first || !tenant.equals(cursor) ? leases.lastRun(tenant, BackupJob.NAME) : Optional.empty();
        if (last.isPresent() && (oldest == null || last.get().isBefore(oldest))) {
          oldest = last.get();
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      cursor = page.get(page.size() - 1);
      first = false;
    }
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
  }
}
