package io.convener.jdbc.internal.pulse;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.PulseDigestStore;

/** Binds the JDBC {@link PulseDigestStore} as a singleton. Does no I/O. Not API. */
public final class PulseDigestStorageModule extends AbstractModule {
  /** Creates the module. */
  public PulseDigestStorageModule() {}

  @Override
  protected void configure() {
    bind(PulseDigestStore.class).to(JdbiPulseDigestStore.class).in(Singleton.class);
  }
}
