package io.convener.jdbc;

/** The consent store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresConsentStoreIT extends JdbcConsentStoreContract {
  PostgresConsentStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
