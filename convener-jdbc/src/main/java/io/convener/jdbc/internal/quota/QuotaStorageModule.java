package io.convener.jdbc.internal.quota;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.QuotaStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link QuotaStore} as a singleton. Does no I/O. Not API. */
public final class QuotaStorageModule extends AbstractModule {
  /** Creates the module. */
  public QuotaStorageModule() {}

  @Override
  protected void configure() {
    bind(QuotaStore.class).to(JdbiQuotaStore.class).in(Singleton.class);
  }
}
