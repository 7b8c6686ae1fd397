/**
 * Keys and encryption of personal data at rest. {@link io.convener.spi.keys.KeyProvider} supplies
 * each tenant's key material: the key-encryption keyset that wraps per-member data keys, and the
 * Ed25519 key pair that signs log checkpoints. {@link io.convener.spi.keys.PersonalDataCipher} is
 * what stores call to turn personal values into ciphertext and back, so that no store ever holds a
 * key. Every method takes the {@link io.convener.api.TenantId} first; no method ever uses one
 * tenant's keys for another tenant's data.
 */
@NullMarked
package io.convener.spi.keys;

import org.jspecify.annotations.NullMarked;
