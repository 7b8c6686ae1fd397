package io.convener.jdbc;

/** The champion settings store contract on a SQLite file database. */
class SqliteFileChampionSettingsStoreTest extends JdbcChampionSettingsStoreContract {
  SqliteFileChampionSettingsStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
