package io.convener.jdbc;

/** The pulse settings store contract on an H2 file database. */
class H2FilePulseSettingsStoreTest extends JdbcPulseSettingsStoreContract {
  H2FilePulseSettingsStoreTest() {
    super(TestDatabase.H2_FILE);
  }
}
