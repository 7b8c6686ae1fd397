package io.convener.jdbc.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.DatabaseModule;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.OutboxUpkeepStore;
import io.convener.spi.storage.StorageLifecycle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outbox upkeep on every database: the backlog counts what is not done and dates the oldest; the
 * purge deletes old done messages and their deliveries, never one not done, never a recipient's
 * newest, never another tenant's.
 */
class JdbiOutboxUpkeepStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void thePurgeKeepsWhatIsNotDoneNewestOrAnotherTenants(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      Database db = injector.getInstance(Database.class);
      OutboxUpkeepStore store = new JdbiOutboxUpkeepStore(db);
      for (TenantId tenant : List.of(ACME, GLOBEX)) {
        insert(db, tenant, "ana", 1, "DELIVERED", T0);
        insert(db, tenant, "ana", 2, "UNDELIVERED", T0.plusSeconds(1));
        insert(db, tenant, "ana", 3, "QUEUED", T0.plusSeconds(2));
        insert(db, tenant, "ana", 4, "DELIVERED", T0.plusSeconds(3));
        insert(db, tenant, "bob", 1, "DELIVERED", T0);
      }
      assertThat(store.backlog(ACME)).isEqualTo(new OutboxUpkeepStore.Backlog(1, java.util.Optional.of(T0.plusSeconds(2))));

      assertThat(store.purgeDone(ACME, T0.plus(Duration.ofDays(1)))).as("ana's 1 and 2").isEqualTo(2);
      assertThat(seqs(db, ACME)).containsExactly("ana#3", "ana#4", "bob#1");
      assertThat(seqs(db, GLOBEX)).as("the other tenant").hasSize(5);
      assertThat(store.purgeDone(ACME, T0.plus(Duration.ofDays(1)))).as("again").isZero();
      assertThat(store.backlog(TenantId.of("initech"))).isEqualTo(OutboxUpkeepStore.Backlog.NONE);
    } finally {
      lifecycle.close();
      database.dispose(settings);
    }
  }

  private static void insert(Database db, TenantId tenant, String recipient, long seq, String status, Instant at) {
    long nanos = EpochNanos.of(at, "at");
    db.write("test outbox row", tenant, h -> {
      h.createUpdate("INSERT INTO notification_outbox (tenant_id, recipient_id, seq, idem_key, kind, payload,"
              + " digest_key, critical, created_at, caused_by, status, next_attempt_at, in_inbox, seen_at, read_at)"
              + " VALUES (:tenant, :r, :seq, :key, 'k', '{}', '', 0, :at, 1, :status, :at, 0, 0, 0)")
          .bind("tenant", tenant.value()).bind("r", recipient).bind("seq", seq).bind("key", recipient + seq)
          .bind("at", nanos).bind("status", status).execute();
      h.createUpdate("INSERT INTO notification_deliveries (tenant_id, recipient_id, seq, channel, status, attempts,"
              + " next_attempt_at, updated_at, note) VALUES (:tenant, :r, :seq, 'webhook', :status, 1, :at, :at, '')")
          .bind("tenant", tenant.value()).bind("r", recipient).bind("seq", seq).bind("status", status)
          .bind("at", nanos).execute();
      return null;
    });
  }

  private static List<String> seqs(Database db, TenantId tenant) {
    return db.read("test outbox rows", tenant, h -> h.createQuery("SELECT recipient_id, seq FROM notification_outbox"
            + " WHERE tenant_id = :tenant ORDER BY recipient_id, seq").bind("tenant", tenant.value())
        .map((rs, ctx) -> rs.getString(1) + "#" + rs.getLong(2)).list());
  }
}
