package io.convener.api.replay;

import static java.util.Objects.requireNonNull;

/**
 * An idempotency key as a host received it, with what it is scoped to besides the principal that
 * sent it (its tenant and subject come from the {@link io.convener.api.Principal} of {@link
 * Replays#claim}, never from here).
 *
 * @param route the operation the key is for, such as {@code POST /v1/consent/grant}; one key on two
 *     routes is two keys
 * @param key the key, 1 to {@value #MAX_KEY_LENGTH} characters
 * @param fingerprint a digest of the request's parameters (query and body), 1 to {@value
 *     #MAX_FINGERPRINT_LENGTH} characters; a repeat of the key with another fingerprint is refused
 */
public record IdempotencyKey(String route, String key, String fingerprint) {
  /** The longest key. */
  public static final int MAX_KEY_LENGTH = 255;

  /** The longest fingerprint: a hex SHA-512 fits. */
  public static final int MAX_FINGERPRINT_LENGTH = 128;

  /** The longest route. */
  public static final int MAX_ROUTE_LENGTH = 2_000;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field that is empty or too long
   */
  public IdempotencyKey {
    check(route, "route", MAX_ROUTE_LENGTH);
    check(key, "key", MAX_KEY_LENGTH);
    check(fingerprint, "fingerprint", MAX_FINGERPRINT_LENGTH);
  }

  private static void check(String value, String name, int max) {
    requireNonNull(value, name);
    if (value.isEmpty() || value.length() > max) {
      throw new IllegalArgumentException("idempotency " + name + " must have 1 to " + max + " characters");
    }
  }
}
