package io.convener.jdbc;

import io.convener.testing.storage.ConsentStoreContract;
import io.convener.testing.storage.ConsentStoreFixture;

/**
 * The consent store contract on one database of the {@link TestDatabase} matrix; each concrete
 * subclass names its database and nothing else.
 */
abstract class JdbcConsentStoreContract extends ConsentStoreContract {
  private final TestDatabase database;

  JdbcConsentStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected ConsentStoreFixture openConsentStores() throws Exception {
    return JdbcFixtures.openConsent(database);
  }
}
