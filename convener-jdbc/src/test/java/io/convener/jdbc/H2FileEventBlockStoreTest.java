package io.convener.jdbc;

/** The event block store contract on an H2 file database. */
class H2FileEventBlockStoreTest extends JdbcEventBlockStoreContract {
  H2FileEventBlockStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
