package io.convener.jdbc;

/** The provenance store contract on an SQLite file database. */
class SqliteFileProvenanceTest extends JdbcProvenanceContract {
  SqliteFileProvenanceTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
