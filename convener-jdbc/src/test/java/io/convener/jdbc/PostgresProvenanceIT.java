package io.convener.jdbc;

/** The provenance store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresProvenanceIT extends JdbcProvenanceContract {
  PostgresProvenanceIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
