package io.convener.jdbc;

/** The approval store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresApprovalStoreIT extends JdbcApprovalStoreContract {
  PostgresApprovalStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
