package io.convener.jdbc;

/** The champion settings store contract on a named in-memory H2 database. */
class H2MemoryChampionSettingsStoreTest extends JdbcChampionSettingsStoreContract {
  H2MemoryChampionSettingsStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
