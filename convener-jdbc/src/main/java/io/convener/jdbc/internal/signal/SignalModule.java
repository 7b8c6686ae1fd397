package io.convener.jdbc.internal.signal;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.ChangeSignals;

/** Binds the JDBC {@link ChangeSignals} as a singleton. Does no I/O and starts no thread. Not API. */
public final class SignalModule extends AbstractModule {
  /** Creates the module. */
  public SignalModule() {}

  @Override
  protected void configure() {
    bind(ChangeSignals.class).to(JdbcChangeSignals.class).in(Singleton.class);
  }
}
