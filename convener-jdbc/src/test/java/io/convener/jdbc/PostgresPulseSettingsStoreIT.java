package io.convener.jdbc;

/** The pulse settings store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresPulseSettingsStoreIT extends JdbcPulseSettingsStoreContract {
  PostgresPulseSettingsStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
