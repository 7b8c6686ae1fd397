package io.convener.core.consent;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.consent.ConsentGate;
import io.convener.core.internal.gate.ConsentFilter;

/**
 * Binds the default {@link ConsentGate} (the consent engine behind the choke point, so every change
 * leaves a provenance entry), and the {@link ConsentEventSink} through which ingestion
 * feeds it consent events, and the choke point's {@link ConsentFilter}, which re-checks every
 * person a result names as it leaves its service; a host replaces either with {@code
 * OptionalBinder.newOptionalBinder(binder(), ConsentGate.class).setBinding()}. Needs a {@code
 * ConsentStore} and an {@code EventStore} (from a storage module). Does no I/O.
 */
public final class ConsentModule extends AbstractModule {
  /** Creates the module. */
  public ConsentModule() {}

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ConsentGate.class)
        .setDefault()
        .to(GatedConsentGate.class);
    bind(GatedConsentGate.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), ConsentEventSink.class)
        .setDefault()
        .to(DefaultConsentGate.class);
    bind(DefaultConsentGate.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), ConsentFilter.class)
        .setDefault()
        .to(ConsentRecheck.class);
    bind(ConsentRecheck.class).in(Singleton.class);
  }
}
