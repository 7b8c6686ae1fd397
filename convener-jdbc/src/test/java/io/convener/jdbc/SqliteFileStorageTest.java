package io.convener.jdbc;

/** The storage contract on an SQLite file database. */
class SqliteFileStorageTest extends JdbcStorageContract {
  SqliteFileStorageTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
