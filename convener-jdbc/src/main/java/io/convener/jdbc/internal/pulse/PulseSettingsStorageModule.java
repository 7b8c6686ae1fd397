package io.convener.jdbc.internal.pulse;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.PulseSettingsStore;

/** Binds the JDBC {@link PulseSettingsStore} as a singleton. Does no I/O. Not API. */
public final class PulseSettingsStorageModule extends AbstractModule {
  /** Creates the module. */
  public PulseSettingsStorageModule() {}

  @Override
  protected void configure() {
    bind(PulseSettingsStore.class).to(JdbiPulseSettingsStore.class).in(Singleton.class);
  }
}
