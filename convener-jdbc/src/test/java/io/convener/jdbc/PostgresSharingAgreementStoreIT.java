package io.convener.jdbc;

/** The sharing agreement store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresSharingAgreementStoreIT extends JdbcSharingAgreementStoreContract {
  PostgresSharingAgreementStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
