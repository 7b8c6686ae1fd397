package io.convener.core.pulse;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's pulse thresholds, held in memory: {@link PulseSettings#defaults()} until set, and
 * back to the defaults when the process restarts (a host that needs other thresholds sets them at
 * start-up). Thread-safe.
 */
@Singleton
final class TenantSettings {
  private final ConcurrentHashMap<TenantId, PulseSettings> settings = new ConcurrentHashMap<>();

  PulseSettings get(TenantId tenant) {
    return settings.getOrDefault(tenant, PulseSettings.defaults());
  }

  PulseSettings set(TenantId tenant, PulseSettings value) {
    settings.put(tenant, value);
    return value;
  }
}
