package io.convener.core.backup;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.backup.Backups;

/**
 * Binds {@link Backups}, as an {@code OptionalBinder} default a host can replace. Needs the JDBC
 * store's {@code TenantSnapshots}, a {@code KeyProvider} and the provenance log. Does no I/O.
 */
public final class BackupModule extends AbstractModule {
  /** Creates the module. */
  public BackupModule() {}

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), Backups.class).setDefault().to(DefaultBackups.class);
    bind(DefaultBackups.class).in(Singleton.class);
  }
}
