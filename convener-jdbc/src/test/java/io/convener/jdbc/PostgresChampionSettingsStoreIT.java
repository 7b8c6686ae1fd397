package io.convener.jdbc;

/** The champion settings store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresChampionSettingsStoreIT extends JdbcChampionSettingsStoreContract {
  PostgresChampionSettingsStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
