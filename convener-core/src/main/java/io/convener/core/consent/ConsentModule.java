package io.convener.core.consent;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.consent.ConsentGate;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.consent.Permissions;
import io.convener.core.internal.gate.ConsentFilter;

/**
 * Binds the public {@link ConsentGate} (every call through the choke point, so every change and
 * every read leaves a provenance entry), the internal {@link ConsentEngine} that the gate, the
 * services and the choke point's {@link ConsentFilter} all consult, the {@link ConsentEventSink}
 * through which ingestion feeds the engine consent events, the {@link ConsentFilter}, which
 * re-checks every person a result names as it leaves its service, and the default {@link
 * Permissions} (none; the approval module binds the approvals'). Each is an {@code
 * OptionalBinder} default: a host that replaces the engine with {@code
 * OptionalBinder.newOptionalBinder(binder(), ConsentEngine.class).setBinding()} is the only engine
 * consulted. Needs a {@code ConsentStore} and an {@code EventStore} (from a storage module). Does
 * no I/O.
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
    OptionalBinder.newOptionalBinder(binder(), ConsentEngine.class)
        .setDefault()
        .to(DefaultConsentEngine.class);
    OptionalBinder.newOptionalBinder(binder(), ConsentEventSink.class)
        .setDefault()
        .to(DefaultConsentEngine.class);
    bind(DefaultConsentEngine.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), Permissions.class).setDefault().toInstance(Permissions.NONE);
    OptionalBinder.newOptionalBinder(binder(), ConsentFilter.class)
        .setDefault()
        .to(ConsentRecheck.class);
    bind(ConsentRecheck.class).in(Singleton.class);
  }
}
