package io.convener.jdbc;

/** The event block store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresEventBlockStoreIT extends JdbcEventBlockStoreContract {
  PostgresEventBlockStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
