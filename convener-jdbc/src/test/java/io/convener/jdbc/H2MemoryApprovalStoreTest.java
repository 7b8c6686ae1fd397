package io.convener.jdbc;

/** The approval store contract on a named in-memory H2 database. */
class H2MemoryApprovalStoreTest extends JdbcApprovalStoreContract {
  H2MemoryApprovalStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
