package io.convener.jdbc;

import io.convener.testing.storage.SharingAgreementStoreContract;
import io.convener.testing.storage.SharingAgreementStoreFixture;

/**
 * The sharing agreement store contract on one database of the {@link TestDatabase} matrix; each
 * concrete subclass names its database and nothing else.
 */
abstract class JdbcSharingAgreementStoreContract extends SharingAgreementStoreContract {
  private final TestDatabase database;

  JdbcSharingAgreementStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected SharingAgreementStoreFixture openSharingAgreementStore() throws Exception {
    return JdbcFixtures.openSharingAgreements(database);
  }
}
