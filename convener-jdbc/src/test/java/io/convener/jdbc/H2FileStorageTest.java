package io.convener.jdbc;

/** The storage contract on an H2 file database. */
class H2FileStorageTest extends JdbcStorageContract {
  H2FileStorageTest() {
    super(TestDatabase.H2_FILE);
  }
}
