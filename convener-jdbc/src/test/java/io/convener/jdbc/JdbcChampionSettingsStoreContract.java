package io.convener.jdbc;

import io.convener.testing.storage.ChampionSettingsStoreContract;
import io.convener.testing.storage.ChampionSettingsStoreFixture;

/**
 * The champion settings store contract on one database of the {@link TestDatabase} matrix; each
 * concrete subclass names its database and nothing else.
 */
abstract class JdbcChampionSettingsStoreContract extends ChampionSettingsStoreContract {
  private final TestDatabase database;

  JdbcChampionSettingsStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected ChampionSettingsStoreFixture openChampionSettingsStore() throws Exception {
    return JdbcFixtures.openChampionSettings(database);
  }
}
