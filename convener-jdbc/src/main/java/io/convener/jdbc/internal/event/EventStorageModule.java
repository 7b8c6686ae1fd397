package io.convener.jdbc.internal.event;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.EventStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link EventStore} as a singleton. Does no I/O. Not API. */
public final class EventStorageModule extends AbstractModule {
  /** Creates the module. */
  public EventStorageModule() {}

  @Override
  protected void configure() {
    bind(EventStore.class).to(JdbiEventStore.class).in(Singleton.class);
  }
}
