package io.convener.jdbc;

/** The consent store contract on an H2 file database. */
class H2FileConsentStoreTest extends JdbcConsentStoreContract {
  H2FileConsentStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
