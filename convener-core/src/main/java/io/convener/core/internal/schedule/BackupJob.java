package io.convener.core.internal.schedule;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.Backups;
import io.convener.core.ScheduleSettings;
import io.convener.core.ScheduledBackups;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.JobLeaseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #NAME}: writes a backup of one tenant to {@code DIR/TENANT/yyyyMMdd'T'HHmmss'Z'.zip}
 * (written to a temporary file and moved, so a file is whole or absent) and then deletes all but
 * the newest {@code keep} files of that tenant. Runs once per period per tenant on one node, by
 * lease; with several nodes the directory must be one they share.
 */
public final class BackupJob implements ScheduledJob {
  /** The job's name, also in its lease rows. */
  public static final String NAME = "backup";
  /** The suffix of a backup file. */
  public static final String SUFFIX = ".zip";
  private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Backups backups;
  private final ScheduledBackups schedule;

  /**
   * The job over these backups, as {@code schedule} says; registers the gauge of the last backup's
   * age ({@code convener.backup.age}).
   */
  public BackupJob(Backups backups, ScheduledBackups schedule, Telemetry telemetry, JobLeaseStore leases) {
    this.backups = requireNonNull(backups, "backups");
    this.schedule = requireNonNull(schedule, "schedule");
    BackupAge.register(telemetry, leases, Clock.systemUTC());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration period(ScheduleSettings settings) {
    return schedule.every();
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    Path dir = schedule.directory().resolve(tenant.value());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the backup directory of tenant " + tenant.value(), e);
    }
    Path file = dir.resolve(STAMP.format(now) + SUFFIX);
    backups.write(BackupRequest.of(tenant), file);
    LOG.info("scheduled backup of tenant {} written to {}", tenant.value(), file.getFileName());
    prune(dir);
  }

  /** Deletes all but the newest {@code keep} backup files of the directory (their names sort by time). */
  private void prune(Path dir) {
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files = listed.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the backup directory " + dir.getFileName(), e);
    }
    for (Path old : files.subList(0, Math.max(0, files.size() - schedule.keep()))) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        LOG.warn("cannot delete the old backup {}: {}", old.getFileName(), e.toString());
      }
    }
  }
}
