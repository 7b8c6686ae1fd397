package io.convener.jdbc;

/** The pulse watcher store contract on a SQLite file database. */
class SqliteFilePulseWatcherStoreTest extends JdbcPulseWatcherStoreContract {
  SqliteFilePulseWatcherStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
