package io.convener.jdbc.internal.hook;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.CheckpointWebhookStore;

/** Binds the JDBC {@link CheckpointWebhookStore} as a singleton. Does no I/O. Not API. */
public final class CheckpointWebhookStorageModule extends AbstractModule {
  /** Creates the module. */
  public CheckpointWebhookStorageModule() {}

  @Override
  protected void configure() {
    bind(CheckpointWebhookStore.class).to(JdbiCheckpointWebhookStore.class).in(Singleton.class);
  }
}
