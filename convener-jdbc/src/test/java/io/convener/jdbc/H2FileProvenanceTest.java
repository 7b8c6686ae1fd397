package io.convener.jdbc;

/** The provenance store contract on an H2 file database. */
class H2FileProvenanceTest extends JdbcProvenanceContract {
  H2FileProvenanceTest() {
    super(TestDatabase.H2_FILE);
  }
}
