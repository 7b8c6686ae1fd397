package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Where a piece of feedback stands. An agreement is {@link #NOTED} for good; a dispute is {@link
 * #OPEN} until an admin reviews it, then {@link #ACCEPTED} or {@link #REJECTED}, for good.
 */
public enum FeedbackStatus {
  /** An agreement: recorded, nothing to review. */
  NOTED,
  /** A dispute no admin has reviewed yet; it already holds. */
  OPEN,
  /** A dispute an admin accepted; it holds for good. */
  ACCEPTED,
  /** A dispute an admin rejected; it no longer changes any result. */
  REJECTED;

  /** Whether a dispute with this status changes results: {@link #OPEN} and {@link #ACCEPTED}. */
  public boolean holds() {
    return this == OPEN || this == ACCEPTED;
  }

  /** The name in JSON and on the command line, lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status with this wire name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the accepted names when there is none
   */
  public static FeedbackStatus of(String name) {
    requireNonNull(name, "status");
    for (FeedbackStatus s : values()) {
      if (s.wireName().equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("status must be noted, open, accepted or rejected: '" + name + "'");
  }
}
