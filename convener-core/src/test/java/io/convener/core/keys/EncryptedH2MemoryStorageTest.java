package io.convener.core.keys;

import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.testing.storage.StorageContract;
import io.convener.testing.storage.StoreFixture;
import java.util.UUID;

/**
 * The storage contract with real encryption: the JDBC stores on an in-memory H2 database, wired
 * with the default cipher over keys kept in memory.
 */
class EncryptedH2MemoryStorageTest extends StorageContract {
  @Override
  protected StoreFixture openStores() {
    return EncryptedStores.fixture(
        EncryptedStores.injector(
            ConvenerSettings.defaults().withInMemoryKeys(), JdbcSettings.inMemoryH2("encrypted-" + UUID.randomUUID())),
        () -> {});
  }
}
