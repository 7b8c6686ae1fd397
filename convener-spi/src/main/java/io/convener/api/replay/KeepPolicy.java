package io.convener.api.replay;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a claimed idempotency key counts.
 *
 * @param keepFor how long a key and its kept result last from the claim (default 24 h); then the
 *     key is free again and its row is purged
 * @param runningTimeout how long a claim may run before another request may take the key over
 *     (default 5 min): a node that died mid-request leaves a running claim, which must not block
 *     the key until it expires. A call that really runs longer may then run twice.
 */
public record KeepPolicy(Duration keepFor, Duration runningTimeout) {
  /** The default time a key is kept. */
  public static final Duration DEFAULT_KEEP_FOR = Duration.ofHours(24);

  /** The default time after which a running claim may be taken over. */
  public static final Duration DEFAULT_RUNNING_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a duration is not positive, or the timeout exceeds the
   *     keep time
   */
  public KeepPolicy {
    requireNonNull(keepFor, "keepFor");
    requireNonNull(runningTimeout, "runningTimeout");
    if (keepFor.toMillis() < 1 || runningTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("keepFor and runningTimeout must be at least 1 ms");
    }
    if (runningTimeout.compareTo(keepFor) > 0) {
      throw new IllegalArgumentException("runningTimeout must not exceed keepFor");
    }
  }

  /** 24 hours, and 5 minutes for a running claim. */
  public static KeepPolicy defaults() {
    return new KeepPolicy(DEFAULT_KEEP_FOR, DEFAULT_RUNNING_TIMEOUT);
  }
}
