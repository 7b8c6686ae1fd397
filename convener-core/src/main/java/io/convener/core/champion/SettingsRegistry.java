package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import io.convener.spi.storage.ChampionSettingsStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Each tenant's champion settings, read from the {@link ChampionSettingsStore} on every request
 * (so that every process sharing the database sees a change at once), {@link
 * ChampionSettings#defaults()} until an admin saves some. Thread-safe.
 */
@Singleton
final class SettingsRegistry {
  private final ChampionSettingsStore store;

  @Inject
  SettingsRegistry(ChampionSettingsStore store) {
    this.store = requireNonNull(store, "store");
  }

  ChampionSettings get(TenantId tenant) {
    return store.find(tenant).orElseGet(ChampionSettings::defaults);
  }

  /** The principal's tenant's settings, for provenance records. */
  ChampionSettings peek(Principal principal) {
    return get(principal.tenant());
  }

  ChampionSettings put(TenantId tenant, ChampionSettings s) {
    store.save(tenant, s);
    return s;
  }
}
