package io.convener.core.champion;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.core.internal.feed.IngestListener;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.spi.signal.Signal;
import io.convener.spi.storage.EventBlockStore;

/**
 * Binds the default {@link ChampionDiscovery} (a host replaces it through its {@code
 * OptionalBinder}), declares the set of plugin {@link Signal}s (empty unless a host adds some), and
 * registers the per-tenant snapshots and the champion event blocks with the ingest feed. The heap
 * kept per tenant between requests is bounded by {@link ChampionMemory} ({@link
 * ChampionMemory#defaults()} unless a host sets it through its {@code OptionalBinder}).
 */
public final class ChampionModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ChampionDiscovery.class).setDefault().to(DefaultChampionDiscovery.class);
    bind(DefaultChampionDiscovery.class).in(Singleton.class);
    bind(TenantLogs.class).in(Singleton.class);
    bind(StructureCache.class).in(Singleton.class);
    bind(WindowCache.class).in(Singleton.class);
    bind(SettingsRegistry.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), ChampionMemory.class).setDefault().toInstance(ChampionMemory.defaults());
    OptionalBinder.newOptionalBinder(binder(), MetricOptions.class).setDefault().toInstance(MetricOptions.defaults());
    bind(SignalRunner.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), Signal.class);
    Multibinder<IngestListener> feed = Multibinder.newSetBinder(binder(), IngestListener.class);
    feed.addBinding().to(TenantLogs.class);
    feed.addBinding().to(BlockWriter.class);
    // Storage that keeps event blocks binds the store; without it, tenants load from the event store.
    OptionalBinder.newOptionalBinder(binder(), EventBlockStore.class);
  }
}
