package io.convener.jdbc;

/** The pulse settings store contract on a named in-memory H2 database. */
class H2MemoryPulseSettingsStoreTest extends JdbcPulseSettingsStoreContract {
  H2MemoryPulseSettingsStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
