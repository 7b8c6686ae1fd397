package io.convener.jdbc.internal.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.DatabaseModule;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.StorageLifecycle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals on PostgreSQL (skipped unless CONVENER_PG_URL is set): a signal reaches the subscribers
 * of its topic once the writing transaction commits and never when it rolls back; another schema's
 * signals do not reach them; and when the listening connection is killed, the listener reconnects
 * and tells its subscribers to resync.
 */
class PostgresChangeSignalsIT {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;
  private JdbcSettings settings;
  private StorageLifecycle lifecycle;
  private Database database;
  private JdbcChangeSignals signals;
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final AtomicInteger resyncs = new AtomicInteger();
  private ChangeSignals.Subscription subscription;

  @BeforeEach
  void open() {
    settings = TestDatabase.POSTGRESQL.settings(dir);
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    database = injector.getInstance(Database.class);
    signals = new JdbcChangeSignals(database);
    subscription = signals.subscribe("outbox", new ChangeSignals.Listener() {
      @Override
      public void accept(TenantId tenant) {
        heard.add(tenant.value());
      }

      @Override
      public void resync() {
        resyncs.incrementAndGet();
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> signals.listenerPid() != 0);
  }

  @AfterEach
  void close() {
    if (settings == null) {
      return; // skipped: no PostgreSQL
    }
    if (subscription != null) {
      subscription.close();
    }
    lifecycle.close();
    TestDatabase.POSTGRESQL.dispose(settings);
  }

  @Test
  void aSignalArrivesOnCommitAndNeverOnRollback() {
    assertThat(signals.pushes()).isTrue();
    try {
      database.inTransaction("roll back", ACME, () -> {
        signals.signal("outbox", TenantId.of("rolled-back"));
        throw new IllegalStateException("roll back");
      });
    } catch (IllegalStateException expected) {
      // the signal goes with the transaction
    }
    database.inTransaction("commit", ACME, () -> {
      signals.signal("outbox", TenantId.of("committed"));
      signals.signal("tenant", TenantId.of("other-topic"));
      return null;
    });
    signals.signal("outbox", ACME);
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("acme"));
    assertThat(heard).containsExactly("committed", "acme");
  }

  @Test
  void anotherSchemasSignalsDoNotArrive() throws Exception {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_notify('" + JdbcChangeSignals.CHANNEL + "', 'some_other_schema|outbox|elsewhere')");
    }
    signals.signal("outbox", ACME);
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("acme"));
    assertThat(heard).containsExactly("acme");
  }

  @Test
  void aKilledListenerReconnectsAndAsksForAResync() throws Exception {
    int pid = signals.listenerPid();
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> resyncs.get() == 1);
    assertThat(signals.listenerPid()).isNotIn(0, pid);
    signals.signal("outbox", ACME);
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("acme"));
  }
}
