package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import io.convener.spi.storage.PulseSettingsStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's pulse thresholds: read from the {@link PulseSettingsStore} once per process and
 * kept, {@link PulseSettings#defaults()} for a tenant that never saved any; saved through to the
 * store. Thread-safe.
 */
@Singleton
final class TenantSettings {
  private final PulseSettingsStore store;
  private final ConcurrentHashMap<TenantId, PulseSettings> known = new ConcurrentHashMap<>();

  @Inject
  TenantSettings(PulseSettingsStore store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * The tenant's settings.
   *
   * @throws io.convener.api.StorageException when they are not known yet and the store fails
   */
  PulseSettings get(TenantId tenant) {
    PulseSettings cached = known.get(tenant);
    if (cached != null) {
      return cached;
    }
    PulseSettings loaded = store.find(tenant).orElse(PulseSettings.defaults());
    PulseSettings raced = known.putIfAbsent(tenant, loaded);
    return raced == null ? loaded : raced;
  }

  /** Saves the tenant's settings, then uses them. */
  PulseSettings set(TenantId tenant, PulseSettings value) {
    store.save(tenant, value);
    known.put(tenant, value);
    return value;
  }
}
