package io.convener.jdbc;

import io.convener.spi.keys.PersonalDataCipher;
import io.convener.testing.keys.FakePersonalDataCipher;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.TenantStore;
import io.convener.testing.storage.ProvenanceFixture;
import io.convener.testing.storage.ProvenanceStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;

/** The provenance store contract on one database of the {@link TestDatabase} matrix. */
abstract class JdbcProvenanceContract extends ProvenanceStoreContract {
  private final TestDatabase database;

  JdbcProvenanceContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected ProvenanceFixture openStores() throws Exception {
    Path dir = Files.createTempDirectory("convener-provenance-test");
    JdbcSettings settings;
    try {
      settings = database.settings(dir);
    } catch (RuntimeException e) {
      JdbcFixtures.deleteRecursively(dir);
      throw e;
    }
    Injector injector = Guice.createInjector(
        new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    return new ProvenanceFixture(
        injector.getInstance(TenantStore.class),
        injector.getInstance(ProvenanceStore.class),
        injector.getInstance(StorageLifecycle.class),
        () -> {
          try {
            database.dispose(settings);
          } finally {
            JdbcFixtures.deleteRecursively(dir);
          }
        });
  }
}
