package io.convener.api.approval;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * Identifies an approval inside one tenant: 1 to 128 characters of letters, digits, {@code -},
 * {@code _} and {@code .}. Immutable and thread-safe.
 *
 * @param value the id
 */
public record ApprovalId(String value) implements Comparable<ApprovalId> {
  /** Longest id accepted. */
  public static final int MAX_LENGTH = 128;

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException when the value is empty, too long or has other characters
   */
  public ApprovalId {
    requireNonNull(value, "approval id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !value.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "approval id must be 1 to " + MAX_LENGTH + " characters of [A-Za-z0-9._-]: '" + value + "'");
    }
  }

  /** Same as the constructor. */
  public static ApprovalId of(String value) {
    return new ApprovalId(value);
  }

  /** A new random id. */
  public static ApprovalId random() {
    return new ApprovalId("apr-" + UUID.randomUUID());
  }

  @Override
  public int compareTo(ApprovalId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
