package io.convener.jdbc.internal.db;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.StorageLifecycle;
import jakarta.inject.Singleton;

/**
 * Binds the {@link Database} and the {@link StorageLifecycle} as singletons; needs a {@code
 * JdbcSettings} binding. Installed by {@code JdbcStorageModule}; does no I/O. Not API.
 */
public final class DatabaseModule extends AbstractModule {
  /** Creates the module. */
  public DatabaseModule() {}

  @Override
  protected void configure() {
    bind(Database.class).in(Singleton.class);
    bind(StorageLifecycle.class).to(JdbiStorageLifecycle.class).in(Singleton.class);
  }
}
