package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.EventId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The innovation detection store on every database of the matrix (PostgreSQL skipped unless
 * CONVENER_PG_URL is set): thresholds replace each other, a confirmation is kept once per tag, and
 * each tenant sees only its own rows.
 */
class InnovationDetectionStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant SEEN = Instant.parse("2025-03-01T10:15:30.123456789Z");

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_MEMORY", "SQLITE_FILE", "POSTGRESQL"})
  void settingsAndConfirmationsPerTenant(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    Injector injector = Guice.createInjector(new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      InnovationDetectionStore store = injector.getInstance(InnovationDetectionStore.class);
      assertThat(store.settings(ACME)).isEmpty();
      DetectionSettings first = new DetectionSettings(4, 5, Duration.ofDays(21), 0.8);
      DetectionSettings second = new DetectionSettings(2, 2, Duration.ofHours(36), 1.0);
      store.saveSettings(ACME, first);
      store.saveSettings(ACME, second);
      assertThat(store.settings(ACME)).contains(second);
      assertThat(store.settings(GLOBEX)).isEmpty();

      ConfirmedInnovation c = confirmation("pairing", "ana-lead", Instant.parse("2025-06-01T00:00:00Z"));
      assertThat(store.confirm(ACME, c)).isEqualTo(c);
      ConfirmedInnovation again = confirmation("pairing", "someone-else", Instant.parse("2025-07-01T00:00:00Z"));
      assertThat(store.confirm(ACME, again)).as("the first confirmation stays").isEqualTo(c);
      store.confirm(ACME, confirmation("async-review", "bo", Instant.parse("2025-06-02T00:00:00Z")));

      assertThat(store.confirmed(ACME, EventId.of("practice:pairing"))).contains(c);
      assertThat(store.confirmed(ACME)).extracting(ConfirmedInnovation::tag).containsExactly("async-review", "pairing");
      assertThat(store.confirmed(GLOBEX)).isEmpty();
      assertThat(store.confirmed(GLOBEX, EventId.of("practice:pairing"))).isEmpty();
    } finally {
      lifecycle.close();
      database.dispose(settings);
    }
  }

  private static ConfirmedInnovation confirmation(String tag, String by, Instant at) {
    return new ConfirmedInnovation(tag, EventId.of("practice:" + tag), TeamId.of("t-a"), SEEN, by, at, 0);
  }
}
