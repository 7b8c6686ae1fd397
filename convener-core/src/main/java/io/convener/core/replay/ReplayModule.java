package io.convener.core.replay;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.api.replay.Replays;

/** Binds {@link Replays} to its default, on the gate and its call notes. Does no I/O. */
public final class ReplayModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Replays.class).to(DefaultReplays.class);
    bind(DefaultReplays.class).in(Singleton.class);
  }
}
