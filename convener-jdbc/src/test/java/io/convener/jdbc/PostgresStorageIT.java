package io.convener.jdbc;

/** The storage contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresStorageIT extends JdbcStorageContract {
  PostgresStorageIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
