package io.convener.spi.storage;

import io.convener.api.TenantId;

/**
 * The tenants the store knows. Registering is idempotent, and other stores may require a tenant to
 * be registered before they take its rows. Implementations are thread-safe.
 */
public interface TenantStore {
  /** Registers the tenant if it is not known yet; does nothing otherwise. */
  void register(TenantId tenant);

  /** Whether the tenant has been registered. */
  boolean exists(TenantId tenant);
}
