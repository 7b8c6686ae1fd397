package io.convener.core.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.convener.spi.notify.NotificationChannel;

/**
 * Declares the set of {@link NotificationChannel}s, with the {@link InMemoryNotificationChannel}
 * singleton as its default member until real channels are built. A host adds a channel with
 * {@code Multibinder.newSetBinder(binder(), NotificationChannel.class).addBinding().to(...)}.
 */
public final class NotifyModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(InMemoryNotificationChannel.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), NotificationChannel.class)
        .addBinding()
        .to(InMemoryNotificationChannel.class);
  }
}
