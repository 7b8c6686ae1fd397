package io.convener.core.internal.telemetry;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.core.internal.feed.IngestListener;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * Binds {@link Telemetry} over the {@link OpenTelemetry} the host sets with {@code
 * OptionalBinder.newOptionalBinder(binder(), OpenTelemetry.class).setBinding().toInstance(sdk)};
 * without one, the global instance if the host registered one, else a no-op. Never sets the
 * global instance. Also counts ingested rows and registers the outbox gauges, which read the store
 * only when an exporter collects. Does no I/O.
 */
public final class TelemetryModule extends AbstractModule {
  @Override
  protected void configure() {
    Provider<OpenTelemetry> global = GlobalOpenTelemetry::getOrNoop;
    OptionalBinder.newOptionalBinder(binder(), OpenTelemetry.class).setDefault().toProvider(global);
    bind(Telemetry.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), IngestListener.class).addBinding().to(IngestedRows.class);
    // Eager: its gauges exist from the start, read when an exporter collects.
    bind(StoreGauges.class).asEagerSingleton();
  }
}
