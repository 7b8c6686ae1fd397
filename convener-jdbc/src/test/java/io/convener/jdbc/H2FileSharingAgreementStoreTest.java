package io.convener.jdbc;

/** The sharing agreement store contract on an H2 file database. */
class H2FileSharingAgreementStoreTest extends JdbcSharingAgreementStoreContract {
  H2FileSharingAgreementStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
