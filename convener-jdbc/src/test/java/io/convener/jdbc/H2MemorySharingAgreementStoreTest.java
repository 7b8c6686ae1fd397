package io.convener.jdbc;

/** The sharing agreement store contract on a named in-memory H2 database. */
class H2MemorySharingAgreementStoreTest extends JdbcSharingAgreementStoreContract {
  H2MemorySharingAgreementStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
