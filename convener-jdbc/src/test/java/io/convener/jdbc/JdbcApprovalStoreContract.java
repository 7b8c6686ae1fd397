package io.convener.jdbc;

import io.convener.testing.storage.ApprovalStoreContract;
import io.convener.testing.storage.ApprovalStoreFixture;

/**
 * The approval store contract on one database of the {@link TestDatabase} matrix; each concrete
 * subclass names its database and nothing else.
 */
abstract class JdbcApprovalStoreContract extends ApprovalStoreContract {
  private final TestDatabase database;

  JdbcApprovalStoreContract(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected ApprovalStoreFixture openApprovalStore() throws Exception {
    return JdbcFixtures.openApprovals(database);
  }
}
