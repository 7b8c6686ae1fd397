package io.convener.spi.keys;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.crypto.SecretKey;

/**
 * A tenant's key-encryption keys (KEKs): AES-256 keys, each with an id unique in the tenant, one of
 * them primary. New data keys are wrapped under the primary key; a wrapped key names the id of the
 * key that wrapped it, so keys that are no longer primary still unwrap what they wrapped.
 * Immutable and thread-safe; {@link #toString()} shows ids only, never key material.
 *
 * @param primaryKeyId the id of the key that wraps new data keys
 * @param keys every key the tenant still has, by id; contains the primary
 */
public record TenantKeyset(int primaryKeyId, Map<Integer, SecretKey> keys) {
  /** Length of every key, in bytes: AES-256. */
  public static final int KEY_BYTES = 32;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when the primary is not among the keys, or a key is not a
   *     32-byte AES key
   */
  public TenantKeyset {
    keys = Map.copyOf(requireNonNull(keys, "keys"));
    if (!keys.containsKey(primaryKeyId)) {
      throw new IllegalArgumentException("primary key " + primaryKeyId + " is not among the keys " + keys.keySet());
    }
    keys.forEach((id, key) -> {
      byte[] encoded = key.getEncoded();
      if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
        throw new IllegalArgumentException("key " + id + " is not a 256-bit AES key");
      }
    });
  }

  /** The primary key, which wraps new data keys. */
  public SecretKey primary() {
    return keys.get(primaryKeyId);
  }

  /** The key with this id, if the tenant still has it. */
  public Optional<SecretKey> key(int keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** The ids and the primary; never key material. */
  @Override
  public String toString() {
    return "TenantKeyset[primary=" + primaryKeyId + ", keys=" + new TreeSet<>(keys.keySet()) + "]";
  }
}
