package io.convener.jdbc;

/** The storage contract on a named in-memory H2 database. */
class H2MemoryStorageTest extends JdbcStorageContract {
  H2MemoryStorageTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
