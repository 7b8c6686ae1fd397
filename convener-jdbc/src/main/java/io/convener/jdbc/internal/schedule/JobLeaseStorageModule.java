package io.convener.jdbc.internal.schedule;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.JobLeaseStore;
import io.convener.spi.storage.OutboxPurgeStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link JobLeaseStore} and {@link OutboxPurgeStore} as singletons. Does no I/O. Not API. */
public final class JobLeaseStorageModule extends AbstractModule {
  /** Creates the module. */
  public JobLeaseStorageModule() {}

  @Override
  protected void configure() {
    bind(JobLeaseStore.class).to(JdbiJobLeaseStore.class).in(Singleton.class);
    bind(OutboxPurgeStore.class).to(JdbiOutboxPurgeStore.class).in(Singleton.class);
  }
}
