package io.convener.core.backup;

import static io.convener.core.backup.BackupFixture.ACME;
import static io.convener.core.backup.BackupFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.RestoreReport;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backup taken while a writer thread keeps ingesting is one snapshot: its event rows, the
 * tenant's event counter and change counter, and the log's batch entries agree, so the restored log
 * verifies (its coverage check compares stored events with the batch entries) and the counter
 * equals the rows. The writer must have committed during at least one backup (of up to six, until
 * two did), or the run proves nothing.
 */
class SnapshotWhileWritingTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = BackupStore.class, names = {"SQLITE", "H2_FILE"})
  void aBackupTakenDuringWritesIsConsistent(BackupStore kind) throws Exception {
    Path keys = dir.resolve("keys");
    JdbcSettings source = kind.settings(Files.createDirectories(dir.resolve("source")));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong batches = new AtomicLong();
    try (Convener convener = BackupFixture.open(source, keys)) {
      convener.ingest().submit(ADMIN, List.of(Member.of(MemberId.of("m0")), Member.of(MemberId.of("m1"))), List.of());
      Thread writer = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          List<Event> events = new ArrayList<>();
          for (int j = 0; j < 200; j++) {
            events.add(Event.builder(EventId.of("w" + i + "-" + j), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                EventKind.MESSAGE, MemberId.of("m" + j % 2)).targets(List.of(MemberId.of("m" + (j + 1) % 2))).build());
          }
          convener.ingest().submit(ADMIN, List.of(), events);
          batches.incrementAndGet();
        }
      }, "writer");
      writer.start();
      try {
        await().atMost(Duration.ofMinutes(2)).until(() -> batches.get() >= 3);
        int overlapped = 0;
        for (int round = 0; round < 6 && overlapped < 2; round++) {
          long before = batches.get();
          Path backup = dir.resolve("b" + round + ".zip");
          BackupManifest manifest = convener.backups().write(BackupRequest.of(ACME), backup);
          overlapped += batches.get() > before ? 1 : 0;
          long events = manifest.tenant(ACME).orElseThrow().rows("events");
          JdbcSettings target = JdbcSettings.sqlite(dir.resolve("r" + round + ".db"));
          try (Convener restored = BackupFixture.open(target, keys)) {
            RestoreReport report = restored.backups().restore(backup);
            assertThat(report.tenants().get(0).verification().verified()).isTrue();
          }
          assertThat(counter(target)).as("the event counter of the snapshot").isEqualTo(events);
        }
        assertThat(overlapped).as("backups during which the writer committed").isGreaterThanOrEqualTo(1);
      } finally {
        stop.set(true);
        writer.join();
      }
    } finally {
      kind.dispose(source);
    }
  }

  private static long counter(JdbcSettings settings) throws Exception {
    try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_count FROM tenants WHERE tenant_id = 'acme'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
