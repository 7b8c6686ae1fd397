package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import java.util.Optional;

/**
 * Each tenant's champion settings: weights, excluded staff and bot accounts, thresholds.
 * Implementations are thread-safe and throw {@link io.convener.api.StorageException} when the
 * store fails.
 */
public interface ChampionSettingsStore {
  /** The settings the tenant saved last, if it ever saved any. */
  Optional<ChampionSettings> find(TenantId tenant);

  /** Replaces the tenant's settings, all or nothing. */
  void save(TenantId tenant, ChampionSettings settings);
}
