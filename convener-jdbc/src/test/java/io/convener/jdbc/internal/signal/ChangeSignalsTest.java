package io.convener.jdbc.internal.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals where the database cannot push them (SQLite): they reach no one and say so, so that
 * subscribers poll; and topics are checked everywhere.
 */
class ChangeSignalsTest {
  @TempDir Path dir;

  @Test
  void onSqliteSignalsReachNoOneAndSaySo() {
    JdbcSettings settings = TestDatabase.SQLITE_FILE.settings(dir);
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      JdbcChangeSignals signals = new JdbcChangeSignals(injector.getInstance(Database.class));
      assertThat(signals.pushes()).isFalse();
      ChangeSignals.Subscription s = signals.subscribe("outbox", new ChangeSignals.Listener() {
        @Override
        public void accept(TenantId tenant) {
          throw new AssertionError("no signal should arrive");
        }

        @Override
        public void resync() {
          throw new AssertionError("no resync should arrive");
        }
      });
      signals.signal("outbox", TenantId.of("acme"));
      s.close();
      assertThat(signals.listenerPid()).isZero();
    } finally {
      lifecycle.close();
    }
  }

  /** Whether a store opened with {@code settings} says other processes may share it. */
  private static boolean shared(JdbcSettings settings) {
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      return new JdbcChangeSignals(injector.getInstance(Database.class)).sharedByOtherProcesses();
    } finally {
      lifecycle.close();
    }
  }

  @Test
  void anEmbeddedH2StoreIsThisProcessesAloneAndAnSqliteFileIsShared() {
    assertThat(shared(TestDatabase.H2_MEMORY.settings(dir))).as("H2 in memory").isFalse();
    assertThat(shared(TestDatabase.H2_FILE.settings(dir))).as("an H2 file, locked to one process").isFalse();
    assertThat(shared(TestDatabase.SQLITE_FILE.settings(dir))).as("an SQLite file").isTrue();
    assertThat(ChangeSignals.none().sharedByOtherProcesses()).as("unknown: assume shared").isTrue();
  }

  @Test
  void topicsAreChecked() {
    assertThat(ChangeSignals.checkTopic("tenant")).isEqualTo("tenant");
    assertThatThrownBy(() -> ChangeSignals.none().signal("Outbox|x", TenantId.of("acme")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
    assertThatThrownBy(() -> ChangeSignals.checkTopic("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChangeSignals.checkTopic("x".repeat(ChangeSignals.MAX_TOPIC + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
