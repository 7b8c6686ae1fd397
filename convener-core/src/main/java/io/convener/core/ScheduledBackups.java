package io.convener.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.convener.api.backup.Backups;
import io.convener.core.internal.schedule.BackupJob;
import io.convener.core.internal.schedule.ScheduledJob;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.JobLeaseStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scheduled backups, installed beside {@link ConvenerModule}: every {@code every}, each tenant is
 * backed up into {@code DIRECTORY/TENANT/yyyyMMdd'T'HHmmss'Z'.zip} by one of the nodes that share
 * the store (by lease, like all scheduled work; see {@link ScheduleSettings}), and only its newest
 * {@code keep} files stay. With several nodes, the directory must be one they all reach. Restore a
 * file with {@link Backups#restore}. Also the settings of that job: immutable.
 */
public final class ScheduledBackups extends AbstractModule {
  private final Path directory;
  private final Duration every;
  private final int keep;

  /**
   * Backups into {@code directory} every {@code every}, keeping the newest {@code keep} of each tenant.
   *
   * @throws IllegalArgumentException when {@code every} is not positive or {@code keep} is below 1
   */
  public ScheduledBackups(Path directory, Duration every, int keep) {
    this.directory = requireNonNull(directory, "directory");
    this.every = requireNonNull(every, "every");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive, got " + every);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    this.keep = keep;
  }

  /** Where the backups go. */
  public Path directory() {
    return directory;
  }

  /** How often each tenant is backed up. */
  public Duration every() {
    return every;
  }

  /** How many files of each tenant stay. */
  public int keep() {
    return keep;
  }

  @Override
  protected void configure() {
    // The job is contributed by the provider method below.
  }

  @ProvidesIntoSet
  @Singleton
  ScheduledJob backupJob(Backups backups, Telemetry telemetry, JobLeaseStore leases) {
    return new BackupJob(backups, this, telemetry, leases);
  }

  @Provides
  ScheduledBackups settings() {
    return this;
  }
}
