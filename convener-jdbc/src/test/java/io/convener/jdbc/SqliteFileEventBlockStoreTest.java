package io.convener.jdbc;

/** The event block store contract on a SQLite file database. */
class SqliteFileEventBlockStoreTest extends JdbcEventBlockStoreContract {
  SqliteFileEventBlockStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
