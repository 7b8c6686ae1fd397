package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.core.internal.provenance.SigningKey;
import io.convener.spi.keys.KeyProvider;
import jakarta.inject.Inject;

/**
 * The default {@link CheckpointKeys}: each tenant's Ed25519 signing key comes from the {@link
 * KeyProvider}, so it lives with the tenant's other keys, away from the log it signs, under the
 * signed-note name {@code convener-<tenant>}. Thread-safe.
 */
final class KeyProviderCheckpointKeys implements CheckpointKeys {
  private final KeyProvider keys;

  @Inject
  KeyProviderCheckpointKeys(KeyProvider keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  @Override
  public SigningKey signingKey(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return new SigningKey("convener-" + tenant.value(), keys.signingKey(tenant));
  }
}
