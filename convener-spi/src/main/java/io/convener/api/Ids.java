package io.convener.api;

import static java.util.Objects.requireNonNull;

/** Shared validation of identifier values. Not API. */
final class Ids {
  /** Longest identifier accepted; long enough for UUIDs, hashes and host-prefixed ids. */
  static final int MAX_LENGTH = 200;

  private Ids() {}

  /**
   * Checks that {@code value} is a usable identifier: non-blank, at most {@link #MAX_LENGTH}
   * characters, no control characters, no surrounding whitespace, and no unpaired surrogate (a
   * string with one has no UTF-8 form, so it could not be stored, hashed or logged as given).
   */
  static String check(String value, String what) {
    requireNonNull(value, what);
    if (value.isEmpty() || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (!value.strip().equals(value)) {
      throw new IllegalArgumentException(what + " must not start or end with whitespace: '" + value + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(what + " must not contain control characters");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " is not valid Unicode: unpaired surrogate at index " + i);
      }
    }
    return value;
  }
}
