package io.convener.jdbc;

/** The pulse watcher store contract on an H2 file database. */
class H2FilePulseWatcherStoreTest extends JdbcPulseWatcherStoreContract {
  H2FilePulseWatcherStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
