package io.convener.core.gate;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;

/**
 * Binds the {@link Gate} and its rate limiter, and the identity {@link ConsentFilter} as the
 * default a host or the consent engine replaces with {@code
 * OptionalBinder.newOptionalBinder(binder(), ConsentFilter.class).setBinding()}. Needs a {@link
 * ProvenanceRecorder}. Does no I/O.
 */
public final class GateModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ConsentFilter.class).setDefault().toInstance(ConsentFilter.IDENTITY);
    bind(Gate.class).to(DefaultGate.class);
    bind(DefaultGate.class).in(Singleton.class);
    bind(TenantRateLimiter.class).in(Singleton.class);
  }
}
