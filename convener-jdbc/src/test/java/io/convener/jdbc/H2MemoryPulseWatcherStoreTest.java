package io.convener.jdbc;

/** The pulse watcher store contract on a named in-memory H2 database. */
class H2MemoryPulseWatcherStoreTest extends JdbcPulseWatcherStoreContract {
  H2MemoryPulseWatcherStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
