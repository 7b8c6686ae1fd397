package io.convener.jdbc;

/** The consent store contract on a named in-memory H2 database. */
class H2MemoryConsentStoreTest extends JdbcConsentStoreContract {
  H2MemoryConsentStoreTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
