package io.convener.jdbc.internal.db;

import java.time.Instant;

/**
 * Instants as the {@code BIGINT} nanoseconds since the epoch that the schema stores: exact to the
 * nanosecond, ordered like the instants, and the same on every database. A signed 64-bit count of
 * nanoseconds covers {@value #RANGE}. Thread-safe.
 */
public final class EpochNanos {
  /** The earliest storable instant, 1677-09-21T00:12:43.145224192Z. */
  public static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);

  /** The latest storable instant, 2262-04-11T23:47:16.854775807Z. */
  public static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  static final String RANGE = "1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z";

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private EpochNanos() {}

  /** Whether the instant can be stored. */
  public static boolean inRange(Instant at) {
    return !at.isBefore(MIN) && !at.isAfter(MAX);
  }

  /**
   * The instant as nanoseconds since the epoch.
   *
   * @param what names the value in the error message, such as {@code "events[3].at"}
   * @throws IllegalArgumentException when the instant is outside {@value #RANGE}
   */
  public static long of(Instant at, String what) {
    if (!inRange(at)) {
      throw new IllegalArgumentException(
          what + " " + at + " is outside the storable range " + RANGE + " (nanoseconds since 1970 in 64 bits)");
    }
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    // Near MIN, seconds * 1e9 alone overflows although the sum fits: borrow one second.
    return seconds < 0 && nanos > 0
        ? (seconds + 1) * NANOS_PER_SECOND + (nanos - NANOS_PER_SECOND)
        : seconds * NANOS_PER_SECOND + nanos;
  }

  /** The instant of a stored nanosecond count. */
  public static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }
}
