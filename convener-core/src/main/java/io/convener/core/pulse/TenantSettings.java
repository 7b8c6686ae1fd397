package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import io.convener.spi.storage.PulseSettingsStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Each tenant's pulse thresholds, read from the {@link PulseSettingsStore} on every request
 * ({@link PulseSettings#defaults()} for a tenant that never saved any), so that what another
 * process saved counts from the next request on: one primary-key read, small beside a pulse, and
 * nothing kept per tenant. When the store fails, the pulse serves its last report marked stale.
 * Thread-safe.
 */
@Singleton
final class TenantSettings {
  private final PulseSettingsStore store;

  @Inject
  TenantSettings(PulseSettingsStore store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * The tenant's settings.
   *
   * @throws io.convener.api.StorageException when the store fails
   */
  PulseSettings get(TenantId tenant) {
    return store.find(tenant).orElse(PulseSettings.defaults());
  }

  /** Saves the tenant's settings. */
  PulseSettings set(TenantId tenant, PulseSettings value) {
    store.save(tenant, value);
    return value;
  }
}
