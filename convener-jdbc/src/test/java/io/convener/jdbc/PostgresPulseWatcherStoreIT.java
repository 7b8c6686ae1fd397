package io.convener.jdbc;

/** The pulse watcher store contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresPulseWatcherStoreIT extends JdbcPulseWatcherStoreContract {
  PostgresPulseWatcherStoreIT() {
    super(TestDatabase.POSTGRESQL);
  }
}
