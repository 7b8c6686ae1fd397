package io.convener.jdbc.internal.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.TenantId;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.DatabaseModule;
import io.convener.spi.storage.CheckpointWebhookRow;
import io.convener.spi.storage.CheckpointWebhookStore;
import io.convener.spi.storage.StorageLifecycle;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checkpoint webhooks on every database: a row reads back as written, its delivery state is
 * recorded, another tenant sees and changes none of it, and a tenant's webhooks are capped.
 */
class JdbiCheckpointWebhookStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWebhookReadsBackRecordsDeliveryAndStaysInItsTenant(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    try (Opened opened = open(settings)) {
      CheckpointWebhookStore store = opened.store();
      CheckpointWebhookRow row = row(0);
      store.add(ACME, row);
      assertThat(store.list(ACME)).containsExactly(row);
      assertThat(store.find(ACME, row.hook().id())).contains(row);
      assertThat(store.list(GLOBEX)).isEmpty();
      assertThat(store.find(GLOBEX, row.hook().id())).isEmpty();
      CheckpointCursor at = new CheckpointCursor(T0.plusMillis(1234), 42);
      assertThat(store.record(GLOBEX, row.hook().id(), at, 0, T0)).as("another tenant's record").isFalse();
      assertThat(store.remove(GLOBEX, row.hook().id())).as("another tenant's removal").isFalse();

      assertThat(store.record(ACME, row.hook().id(), at, 3, T0.plusSeconds(240))).isTrue();
      assertThat(store.find(ACME, row.hook().id())).contains(row.withDelivery(at, 3, T0.plusSeconds(240)));
      assertThat(store.remove(ACME, row.hook().id())).isTrue();
      assertThat(store.list(ACME)).isEmpty();
    } finally {
      database.dispose(settings);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTenantHasAtMostTheCapOfWebhooks(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    try (Opened opened = open(settings)) {
      for (int i = 0; i < CheckpointWebhookStore.MAX_PER_TENANT; i++) {
        opened.store().add(ACME, row(i));
      }
      assertThatThrownBy(() -> opened.store().add(ACME, row(CheckpointWebhookStore.MAX_PER_TENANT)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
      opened.store().add(GLOBEX, row(CheckpointWebhookStore.MAX_PER_TENANT));
      assertThat(opened.store().list(ACME)).hasSize(CheckpointWebhookStore.MAX_PER_TENANT);
    } finally {
      database.dispose(settings);
    }
  }

  private static CheckpointWebhookRow row(int n) {
    return new CheckpointWebhookRow(new CheckpointWebhook(String.format("cw-%016x", n),
        URI.create("https://auditor.example/hook/" + n), CheckpointCursor.start(), 0, Instant.EPOCH, T0.plusSeconds(n),
        "admin"), "v1.1.sealed" + n);
  }

  private static Opened open(JdbcSettings settings) {
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    return new Opened(lifecycle, new JdbiCheckpointWebhookStore(injector.getInstance(Database.class)));
  }

  private record Opened(StorageLifecycle lifecycle, JdbiCheckpointWebhookStore store) implements AutoCloseable {
    @Override
    public void close() {
      lifecycle.close();
    }
  }
}
