package io.convener.jdbc;

import io.convener.testing.storage.StorageContract;
import io.convener.testing.storage.StoreFixture;

/**
 * The storage contract on one database of the {@link TestDatabase} matrix; each concrete subclass
 * names its database and nothing else.
 */
abstract class JdbcStorageContract extends StorageContract {
  private final TestDatabase database;

  JdbcStorageContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected StoreFixture openStores() throws Exception {
    return JdbcFixtures.open(database);
  }
}
