package io.convener.core.consent;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.time.Instant;
import java.util.UUID;

/**
 * A started in-memory H2 store and a {@link DefaultConsentEngine} over it with a {@link TestClock};
 * {@link #anotherGate()} makes a second gate over the same database, as another process would
 * have.
 */
final class GateFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  final TestClock clock = new TestClock(START);
  final ConsentStore store;
  final EventStore events;
  final DefaultConsentEngine gate;
  private final StorageLifecycle lifecycle;

  GateFixture() {
    Injector injector = Guice.createInjector(
        new JdbcStorageModule(JdbcSettings.inMemoryH2("consent-" + UUID.randomUUID())),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    store = injector.getInstance(ConsentStore.class);
    events = injector.getInstance(EventStore.class);
    gate = anotherGate();
  }

  /** A new gate over the same store, with its own cache; refreshes run on the calling thread. */
  DefaultConsentEngine anotherGate() {
    return new DefaultConsentEngine(store, events, clock, Runnable::run, clock);
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
