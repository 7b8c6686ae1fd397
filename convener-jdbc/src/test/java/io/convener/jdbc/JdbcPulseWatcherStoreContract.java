package io.convener.jdbc;

import io.convener.testing.storage.PulseWatcherStoreContract;
import io.convener.testing.storage.PulseWatcherStoreFixture;

/**
 * The pulse watcher store contract on one database of the {@link TestDatabase} matrix; each
 * concrete subclass names its database and nothing else.
 */
abstract class JdbcPulseWatcherStoreContract extends PulseWatcherStoreContract {
  private final TestDatabase database;

  JdbcPulseWatcherStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected PulseWatcherStoreFixture openPulseWatcherStore() throws Exception {
    return JdbcFixtures.openPulseWatchers(database);
  }
}
