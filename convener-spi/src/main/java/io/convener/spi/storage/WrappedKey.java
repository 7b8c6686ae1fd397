package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;

/**
 * A member's data key as a {@link SubjectKeyStore} keeps it: wrapped (encrypted) under one of the
 * tenant's key-encryption keys, so that the store never holds a usable key. Immutable; {@link
 * #toString()} never shows the wrapped bytes.
 *
 * @param subject the member the data key belongs to
 * @param keyId the data key's id, random and fixed for the key's life (re-wrapping keeps it); a
 *     ciphertext names it, so a ciphertext made under an earlier, shredded key of the same member
 *     is known as such
 * @param wrappingKeyId the id of the tenant's key-encryption key that wrapped it
 * @param wrapped the wrapped key as ASCII text, opaque to the store; 1 to 400 characters
 */
public record WrappedKey(MemberId subject, long keyId, int wrappingKeyId, String wrapped) {
  /** Longest wrapped key a store must keep. */
  public static final int MAX_WRAPPED_LENGTH = 400;

  /** Validates. */
  public WrappedKey {
    requireNonNull(subject, "subject");
    requireNonNull(wrapped, "wrapped");
    if (wrapped.isEmpty() || wrapped.length() > MAX_WRAPPED_LENGTH) {
      throw new IllegalArgumentException(
          "wrapped must be 1 to " + MAX_WRAPPED_LENGTH + " characters, got " + wrapped.length());
    }
    for (int i = 0; i < wrapped.length(); i++) {
      char c = wrapped.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("wrapped must be printable ASCII without spaces");
      }
    }
  }

  /** The ids; never the wrapped bytes. */
  @Override
  public String toString() {
    return "WrappedKey[subject=" + subject + ", keyId=" + keyId + ", wrappingKeyId=" + wrappingKeyId + "]";
  }
}
