package io.convener.core.replay;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.replay.Replays;
import java.time.Clock;

/**
 * Binds {@link Replays} to its default, on the gate, its call notes and the {@link
 * io.convener.spi.storage.IdempotencyStore}, and declares the {@link ReplayClock} (the system UTC
 * clock by default). Does no I/O.
 */
public final class ReplayModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class, ReplayClock.class))
        .setDefault().toInstance(Clock.systemUTC());
    bind(Replays.class).to(DefaultReplays.class);
    bind(DefaultReplays.class).in(Singleton.class);
    bind(KeptResults.class).in(Singleton.class);
  }
}
