package io.convener.jdbc;

/** The sharing agreement store contract on an SQLite file database. */
class SqliteFileSharingAgreementStoreTest extends JdbcSharingAgreementStoreContract {
  SqliteFileSharingAgreementStoreTest() {
    super(TestDatabase.SQLITE_FILE);
  }
}
