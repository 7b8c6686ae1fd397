package io.convener.jdbc.internal.block;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.EventBlockStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link EventBlockStore} as a singleton. Does no I/O. Not API. */
public final class EventBlockStorageModule extends AbstractModule {
  /** Creates the module. */
  public EventBlockStorageModule() {}

  @Override
  protected void configure() {
    bind(EventBlockStore.class).to(JdbiEventBlockStore.class).in(Singleton.class);
  }
}
