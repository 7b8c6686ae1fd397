package io.convener.jdbc.internal.notify;

import io.convener.jdbc.TestDatabase;

/** The outbox lease contract on an SQLite file. */
class SqliteFileOutboxLeasesTest extends OutboxLeasesContract {
  @Override
  TestDatabase database() {
    return TestDatabase.SQLITE_FILE;
  }
}
