package io.convener.jdbc.internal.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.RegionPinStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.TenantStore;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The region pin store on every database: first pin wins, per tenant, also under a race. */
class JdbiRegionPinStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theFirstPinOfATenantStaysAndRegistersTheTenant(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    Injector injector = injector(settings);
    RegionPinStore pins = injector.getInstance(RegionPinStore.class);
    try (StorageLifecycle storage = injector.getInstance(StorageLifecycle.class)) {
      storage.start();
      assertThat(pins.pinnedRegion(ACME)).isEmpty();

      assertThat(pins.pin(ACME, "eu")).isEqualTo("eu");
      assertThat(pins.pin(ACME, "us")).as("a later pin to another region").isEqualTo("eu");
      assertThat(pins.pin(GLOBEX, "us")).isEqualTo("us");

      assertThat(pins.pinnedRegion(ACME)).contains("eu");
      assertThat(pins.pinnedRegion(GLOBEX)).contains("us");
      assertThat(injector.getInstance(TenantStore.class).exists(ACME)).isTrue();
      assertThatThrownBy(() -> pins.pin(ACME, "")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("region");
    } finally {
      database.dispose(settings);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "POSTGRESQL"})
  void twoStoresPinningOneTenantAtOnceAgreeOnOneRegion(TestDatabase database) throws Exception {
    JdbcSettings settings = database.settings(dir);
    Injector first = injector(settings);
    Injector second = injector(settings);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (StorageLifecycle a = first.getInstance(StorageLifecycle.class);
        StorageLifecycle b = second.getInstance(StorageLifecycle.class)) {
      a.start();
      b.start();
      for (int round = 0; round < 10; round++) {
        TenantId tenant = TenantId.of("race-" + round);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> pinned = new ArrayList<>();
        pinned.add(threads.submit(() -> {
          go.await();
          return first.getInstance(RegionPinStore.class).pin(tenant, "eu");
        }));
        pinned.add(threads.submit(() -> {
          go.await();
          return second.getInstance(RegionPinStore.class).pin(tenant, "us");
        }));
        go.countDown();
        String winner = pinned.get(0).get();
        assertThat(pinned.get(1).get()).as("round " + round).isEqualTo(winner);
        assertThat(first.getInstance(RegionPinStore.class).pinnedRegion(tenant)).contains(winner);
      }
    } finally {
      threads.shutdown();
      database.dispose(settings);
    }
  }

  private static Injector injector(JdbcSettings settings) {
    return Guice.createInjector(new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
  }
}
