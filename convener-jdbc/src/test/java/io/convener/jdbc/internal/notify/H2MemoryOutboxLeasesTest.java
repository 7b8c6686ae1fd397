package io.convener.jdbc.internal.notify;

import io.convener.jdbc.TestDatabase;

/** The outbox lease contract on in-memory H2. */
class H2MemoryOutboxLeasesTest extends OutboxLeasesContract {
  @Override
  TestDatabase database() {
    return TestDatabase.H2_MEMORY;
  }
}
