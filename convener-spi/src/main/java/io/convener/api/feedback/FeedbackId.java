package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * Identifies one piece of feedback inside one tenant: 1 to 128 characters of letters, digits,
 * {@code -}, {@code _} and {@code .}. Immutable and thread-safe.
 *
 * @param value the id
 */
public record FeedbackId(String value) implements Comparable<FeedbackId> {
  /** Longest id accepted. */
  public static final int MAX_LENGTH = 128;

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException when the value is empty, too long or has other characters
   */
  public FeedbackId {
    requireNonNull(value, "feedback id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !value.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "feedback id must be 1 to " + MAX_LENGTH + " characters of [A-Za-z0-9._-]: '" + value + "'");
    }
  }

  /** Same as the constructor. */
  public static FeedbackId of(String value) {
    return new FeedbackId(value);
  }

  /** A new random id. */
  public static FeedbackId random() {
    return new FeedbackId("fb-" + UUID.randomUUID());
  }

  @Override
  public int compareTo(FeedbackId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
