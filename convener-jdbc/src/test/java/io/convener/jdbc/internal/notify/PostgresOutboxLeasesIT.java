package io.convener.jdbc.internal.notify;

import io.convener.jdbc.TestDatabase;

/** The outbox lease contract on PostgreSQL (skipped unless CONVENER_PG_URL is set). */
class PostgresOutboxLeasesIT extends OutboxLeasesContract {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
