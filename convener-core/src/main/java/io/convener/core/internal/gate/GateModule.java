package io.convener.core.internal.gate;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.spi.storage.QuotaStore;

/**
 * Binds the {@link Gate}, its rate limiter and the {@link CallNotes} it shares with replays, and declares the {@link ConsentFilter} it runs on
 * every result: the consent module sets the default, a host may replace it with {@code
 * OptionalBinder.newOptionalBinder(binder(), ConsentFilter.class).setBinding()}. Needs a {@link
 * ProvenanceRecorder}. Does no I/O.
 */
public final class GateModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ConsentFilter.class);
    OptionalBinder.newOptionalBinder(binder(), OutboxSignal.class).setDefault().toInstance(OutboxSignal.NONE);
    // Present when the storage module binds one; needed only for RateLimits.sharedStore().
    OptionalBinder.newOptionalBinder(binder(), QuotaStore.class);
    bind(Gate.class).to(DefaultGate.class);
    bind(DefaultGate.class).in(Singleton.class);
    bind(TenantRateLimiter.class).in(Singleton.class);
    bind(CallNotes.class).in(Singleton.class);
  }
}
