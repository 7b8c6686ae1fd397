package io.convener.jdbc.internal.backup;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.TenantSnapshots;

/** Binds the {@link TenantSnapshots} of the store; installed by {@code JdbcStorageModule}. Not API. */
public final class BackupStorageModule extends AbstractModule {
  /** Creates the module. */
  public BackupStorageModule() {}

  @Override
  protected void configure() {
    bind(TenantSnapshots.class).to(JdbcTenantSnapshots.class).in(Singleton.class);
  }
}
