package io.convener.jdbc;

/** The champion settings store contract on an H2 file database. */
class H2FileChampionSettingsStoreTest extends JdbcChampionSettingsStoreContract {
  H2FileChampionSettingsStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
