package io.convener.jdbc.internal.schedule;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.JobLeaseStore;
import io.convener.spi.storage.OutboxUpkeepStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link JobLeaseStore} and {@link OutboxUpkeepStore} as singletons. Does no I/O. Not API. */
public final class JobLeaseStorageModule extends AbstractModule {
  /** Creates the module. */
  public JobLeaseStorageModule() {}

  @Override
  protected void configure() {
    bind(JobLeaseStore.class).to(JdbiJobLeaseStore.class).in(Singleton.class);
    bind(OutboxUpkeepStore.class).to(JdbiOutboxUpkeepStore.class).in(Singleton.class);
  }
}
