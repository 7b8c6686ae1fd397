package io.convener.core.internal.provenance;

import io.convener.api.TenantId;

/**
 * Gives each tenant's Ed25519 checkpoint signing key. The default generates one per tenant on
 * first use and keeps it in the provenance store; a host, or the {@code KeyProvider} when it lands,
 * replaces it through its {@code OptionalBinder}. Implementations are thread-safe and return the
 * same key for a tenant until it is rotated.
 */
public interface CheckpointKeys {
  /** The tenant's signing key, created if the tenant has none yet. */
  SigningKey signingKey(TenantId tenant);
}
