package io.convener.jdbc.internal.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.NotificationStore;

/** Binds the JDBC {@link NotificationStore} as a singleton. Does no I/O. Not API. */
public final class NotificationStorageModule extends AbstractModule {
  /** Creates the module. */
  public NotificationStorageModule() {}

  @Override
  protected void configure() {
    bind(NotificationStore.class).to(JdbiNotificationStore.class).in(Singleton.class);
  }
}
