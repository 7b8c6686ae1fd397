package io.convener.jdbc;

/** The approval store contract on an H2 file database. */
class H2FileApprovalStoreTest extends JdbcApprovalStoreContract {
  H2FileApprovalStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
