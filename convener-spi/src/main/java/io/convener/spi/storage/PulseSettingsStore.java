package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import java.util.Optional;

/**
 * Each tenant's pulse thresholds. Implementations are thread-safe, and throw {@link
 * io.convener.api.StorageException} when the store fails.
 */
public interface PulseSettingsStore {
  /** The tenant's saved settings, or empty when it never saved any. */
  Optional<PulseSettings> find(TenantId tenant);

  /** Saves the tenant's settings, replacing any saved before, in one transaction. */
  void save(TenantId tenant, PulseSettings settings);
}
