package io.convener.core.champion;

import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's champion settings, {@link ChampionSettings#defaults()} until an admin sets them.
 * Kept in this process's memory. Thread-safe.
 */
@Singleton
final class SettingsRegistry {
  private final ConcurrentMap<TenantId, ChampionSettings> settings = new ConcurrentHashMap<>();

  ChampionSettings get(TenantId tenant) {
    return settings.getOrDefault(tenant, ChampionSettings.defaults());
  }

  /** The principal's tenant's settings, for provenance records. */
  ChampionSettings peek(Principal principal) {
    return get(principal.tenant());
  }

  ChampionSettings put(TenantId tenant, ChampionSettings s) {
    settings.put(tenant, s);
    return s;
  }
}
