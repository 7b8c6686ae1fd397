package io.convener.jdbc;

/** The pulse settings store contract on a SQLite file database. */
class SqliteFilePulseSettingsStoreTest extends JdbcPulseSettingsStoreContract {
  SqliteFilePulseSettingsStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
