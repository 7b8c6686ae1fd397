package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One claimed idempotency key of a tenant, as an {@link IdempotencyStore} keeps it. The store
 * never sees a key, a subject or a response in the clear: {@code scope} and {@code fingerprint}
 * are digests, {@code sealed} is ciphertext. Immutable apart from the bytes of {@code sealed},
 * which nobody changes.
 *
 * @param scope a digest of the subject, the route and the key: the key's identity in its tenant
 * @param fingerprint a digest of the request's parameters; a repeat with another one is refused
 * @param claimId who claimed the key last: only that claim may keep a result under it or release it
 * @param claimedAt when that claim was made
 * @param expiresAt when the row stops counting: from then on it is as if it were absent, and a
 *     purge deletes it
 * @param sealed the kept result, sealed; empty while the claim still runs
 */
public record IdempotencyRow(
    String scope, String fingerprint, String claimId, Instant claimedAt, Instant expiresAt, Optional<byte[]> sealed) {
  /** Longest scope, fingerprint or claim id. */
  public static final int MAX_TEXT = 64;

  /** Validates. */
  public IdempotencyRow {
    check(scope, "scope");
    check(fingerprint, "fingerprint");
    check(claimId, "claimId");
    requireNonNull(claimedAt, "claimedAt");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(sealed, "sealed");
  }

  /** Whether the claim is still running: nothing is kept yet. */
  public boolean running() {
    return sealed.isEmpty();
  }

  private static void check(String value, String name) {
    requireNonNull(value, name);
    if (value.isEmpty() || value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(name + " must have 1 to " + MAX_TEXT + " characters");
    }
  }
}
