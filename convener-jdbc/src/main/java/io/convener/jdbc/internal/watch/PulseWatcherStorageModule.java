package io.convener.jdbc.internal.watch;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.PulseWatcherStore;

/** Binds the JDBC {@link PulseWatcherStore} as a singleton. Does no I/O. Not API. */
public final class PulseWatcherStorageModule extends AbstractModule {
  /** Creates the module. */
  public PulseWatcherStorageModule() {}

  @Override
  protected void configure() {
    bind(PulseWatcherStore.class).to(JdbiPulseWatcherStore.class).in(Singleton.class);
  }
}
