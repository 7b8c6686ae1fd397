package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13: a write that keeps failing because of a lock is retried a bounded number of times for a
 * bounded time, then fails with a message naming the database and saying what to do; an earlier
 * version retried H2's lock timeout at full CPU without end.
 */
class BoundedRetryTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  @Test
  void transientFailuresStopAtTheAttemptBound() {
    AtomicInteger attempts = new AtomicInteger();
    Retries retries = new Retries(4, Duration.ofMinutes(1));

    assertThatThrownBy(() -> retries.run("insert events", () -> {
      attempts.incrementAndGet();
      throw new SQLTransientException("Timeout trying to lock table", "HYT00", 50200);
    })).isInstanceOfSatisfying(Retries.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(4));
    assertThat(attempts).hasValue(4);
  }

  @Test
  void transientFailuresStopAtTheTimeBound() {
    AtomicInteger attempts = new AtomicInteger();
    Retries retries = new Retries(1_000, Duration.ofMillis(300));

    assertThatThrownBy(() -> retries.run("insert events", () -> {
      attempts.incrementAndGet();
      sleep(100);
      throw new SQLException("database is locked", null, 5); // SQLITE_BUSY
    })).isInstanceOf(Retries.Exhausted.class);
    assertThat(attempts.get()).isBetween(2, 5);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    Retries retries = new Retries(10, Duration.ofMinutes(1));

    assertThatThrownBy(() -> retries.run("insert events", () -> {
      attempts.incrementAndGet();
      throw new SQLException("syntax error", "42000", 42000);
    })).isInstanceOf(SQLException.class).hasMessage("syntax error");
    assertThat(attempts).hasValue(1);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_FILE", "SQLITE_FILE"})
  void aLockHeldElsewhereEndsInAnErrorNamingTheDatabaseAndWhatToDo(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    Database database = new Database(settings, new Retries(3, Duration.ofMillis(500)));
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database);
    lifecycle.start();
    try (Connection other = DriverManager.getConnection(settings.url()); Statement s = other.createStatement()) {
      database.register(ACME);
      other.setAutoCommit(false);
      // Another writer holds the tenant row (H2) or the database's write lock (SQLite) and does not let go.
      s.executeUpdate("UPDATE tenants SET event_count = event_count WHERE tenant_id = 'acme'");

      assertThatThrownBy(() -> database.update("set the event counter", ACME, handle ->
          handle.createUpdate("UPDATE tenants SET event_count = 1 WHERE tenant_id = 'acme'").execute()))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("could not set the event counter for tenant 'acme' in the " + settings.describe())
          .hasMessageContaining("another process may hold the database's lock")
          .hasMessageContaining("convener repair");
      other.rollback();
    } finally {
      lifecycle.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
