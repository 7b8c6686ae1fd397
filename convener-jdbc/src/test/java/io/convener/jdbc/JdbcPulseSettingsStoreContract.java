package io.convener.jdbc;

import io.convener.testing.storage.PulseSettingsStoreContract;
import io.convener.testing.storage.PulseSettingsStoreFixture;

/**
 * The pulse settings store contract on one database of the {@link TestDatabase} matrix; each
 * concrete subclass names its database and nothing else.
 */
abstract class JdbcPulseSettingsStoreContract extends PulseSettingsStoreContract {
  private final TestDatabase database;

  JdbcPulseSettingsStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected PulseSettingsStoreFixture openPulseSettingsStore() throws Exception {
    return JdbcFixtures.openPulseSettings(database);
  }
}
