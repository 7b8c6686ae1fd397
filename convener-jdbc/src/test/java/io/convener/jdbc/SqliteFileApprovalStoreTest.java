package io.convener.jdbc;

/** The approval store contract on an SQLite file database. */
class SqliteFileApprovalStoreTest extends JdbcApprovalStoreContract {
  SqliteFileApprovalStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
