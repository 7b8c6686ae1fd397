package io.convener.core.champion;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.core.internal.feed.IngestListener;
import io.convener.spi.signal.Signal;

/**
 * Binds the default {@link ChampionDiscovery} (a host replaces it through its {@code
 * OptionalBinder}), declares the set of plugin {@link Signal}s (empty unless a host adds some), and
 * registers the per-tenant snapshots with the ingest feed.
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
    bind(SignalRunner.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), Signal.class);
    Multibinder.newSetBinder(binder(), IngestListener.class).addBinding().to(TenantLogs.class);
  }
}
