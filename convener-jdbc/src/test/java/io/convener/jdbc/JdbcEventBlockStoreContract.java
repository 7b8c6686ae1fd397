package io.convener.jdbc;

import io.convener.testing.storage.EventBlockStoreContract;
import io.convener.testing.storage.EventBlockStoreFixture;

/**
 * The event block store contract on one database of the {@link TestDatabase} matrix; each concrete
 * subclass names its database and nothing else.
 */
abstract class JdbcEventBlockStoreContract extends EventBlockStoreContract {
  private final TestDatabase database;

  JdbcEventBlockStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected EventBlockStoreFixture openEventBlockStore() throws Exception {
    return JdbcFixtures.openEventBlocks(database);
  }
}
