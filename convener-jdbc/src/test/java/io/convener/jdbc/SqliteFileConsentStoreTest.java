package io.convener.jdbc;

/** The consent store contract on an SQLite file database. */
class SqliteFileConsentStoreTest extends JdbcConsentStoreContract {
  SqliteFileConsentStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
