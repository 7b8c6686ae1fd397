package io.convener.jdbc;

/** The provenance store contract on a named in-memory H2 database. */
class H2MemoryProvenanceTest extends JdbcProvenanceContract {
  H2MemoryProvenanceTest() {
    super(TestDatabase.H2_MEMORY);
  }
}
