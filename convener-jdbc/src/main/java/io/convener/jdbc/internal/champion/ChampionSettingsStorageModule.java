package io.convener.jdbc.internal.champion;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.ChampionSettingsStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link ChampionSettingsStore} as a singleton. Does no I/O. Not API. */
public final class ChampionSettingsStorageModule extends AbstractModule {
  /** Creates the module. */
  public ChampionSettingsStorageModule() {}

  @Override
  protected void configure() {
    bind(ChampionSettingsStore.class).to(JdbiChampionSettingsStore.class).in(Singleton.class);
  }
}
