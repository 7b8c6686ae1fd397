package io.convener.jdbc;

/** The event block store contract on a named in-memory H2 database. */
class H2MemoryEventBlockStoreTest extends JdbcEventBlockStoreContract {
  H2MemoryEventBlockStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
