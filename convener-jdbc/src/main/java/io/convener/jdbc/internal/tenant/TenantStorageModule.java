package io.convener.jdbc.internal.tenant;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.TenantStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link TenantStore} as a singleton. Does no I/O. Not API. */
public final class TenantStorageModule extends AbstractModule {
  /** Creates the module. */
  public TenantStorageModule() {}

  @Override
  protected void configure() {
    bind(TenantStore.class).to(JdbiTenantStore.class).in(Singleton.class);
  }
}
