package io.convener.jdbc.internal.consent;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.ConsentStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link ConsentStore} as a singleton. Does no I/O. Not API. */
public final class ConsentStorageModule extends AbstractModule {
  /** Creates the module. */
  public ConsentStorageModule() {}

  @Override
  protected void configure() {
    bind(ConsentStore.class).to(JdbiConsentStore.class).in(Singleton.class);
  }
}
