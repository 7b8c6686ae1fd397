package io.convener.jdbc.internal.event;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.EventStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link EventStore} and its {@link ChangeStore} as singletons. Does no I/O. Not API. */
public final class EventStorageModule extends AbstractModule {
  /** Creates the module. */
  public EventStorageModule() {}

  @Override
  protected void configure() {
    bind(JdbiEventStore.class).in(Singleton.class);
    bind(EventStore.class).to(JdbiEventStore.class);
    bind(ChangeStore.class).to(JdbiChangeStore.class).in(Singleton.class);
  }
}
