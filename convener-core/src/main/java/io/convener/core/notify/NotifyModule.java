package io.convener.core.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.notify.Notifier;
import io.convener.core.internal.gate.OutboxSignal;
import io.convener.spi.notify.NotificationChannel;
import io.convener.spi.storage.ChangeSignals;
import java.time.Clock;

/**
 * Wires notifications: the {@link Notifier} (replaceable through its {@code OptionalBinder}), the
 * {@link OutboxRelay} that the gate wakes after each commit ({@link OutboxSignal}), the stream hub,
 * {@link NotifySettings} and the {@link NotifyClock} (both replaceable through {@code
 * OptionalBinder.setBinding()}), and the set of {@link NotificationChannel}s the relay delivers to
 * besides the stream. A host adds a channel with {@code Multibinder.newSetBinder(binder(),
 * NotificationChannel.class).addBinding().toInstance(Webhooks.channel(...))}. Starts no thread:
 * {@code Convener.start()} starts the relay. Does no I/O.
 */
public final class NotifyModule extends AbstractModule {
  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), NotificationChannel.class);
    bind(NotificationHub.class).in(Singleton.class);
    bind(DefaultOutboxRelay.class).in(Singleton.class);
    bind(OutboxRelay.class).to(DefaultOutboxRelay.class);
    OptionalBinder.newOptionalBinder(binder(), OutboxSignal.class).setBinding().to(DefaultOutboxRelay.class);
    // The store's signals, when it has them (the JDBC store binds them); the stream follower polls regardless.
    OptionalBinder.newOptionalBinder(binder(), ChangeSignals.class);
    OptionalBinder.newOptionalBinder(binder(), Notifier.class).setDefault().to(DefaultNotifier.class);
    bind(DefaultNotifier.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), NotifySettings.class).setDefault().toInstance(NotifySettings.defaults());
    OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class, NotifyClock.class))
        .setDefault().toInstance(Clock.systemUTC());
  }
}
