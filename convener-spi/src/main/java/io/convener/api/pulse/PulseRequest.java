package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * One pulse question: the scope, the window's end ({@code asOf}, exclusive) and its length. The
 * baseline is the three windows of the same length right before it. Immutable and thread-safe.
 *
 * @param scope whose pulse
 * @param asOf where the window ends (exclusive), in the years 1800 to 9999
 * @param window the window's length: whole days, 1 to 366 (default {@link #DEFAULT_WINDOW})
 */
public record PulseRequest(PulseScope scope, Instant asOf, Duration window) {
  /** The default window: 28 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);

  private static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  /** Validates. */
  public PulseRequest {
    requireNonNull(scope, "scope");
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    if (asOf.isBefore(EARLIEST) || !asOf.isBefore(LATEST)) {
      throw new IllegalArgumentException("asOf must be in the years 1800 to 9999, got " + asOf);
    }
    if (window.compareTo(Duration.ofDays(1)) < 0 || window.compareTo(Duration.ofDays(366)) > 0
        || window.toSeconds() % 86_400 != 0 || window.getNano() != 0) {
      throw new IllegalArgumentException("window must be 1 to 366 whole days, got " + window);
    }
  }

  /** A request for the default 28-day window ending at {@code asOf}. */
  public static PulseRequest of(PulseScope scope, Instant asOf) {
    return new PulseRequest(scope, asOf, DEFAULT_WINDOW);
  }

  /** A copy with another window length. */
  public PulseRequest withWindow(Duration length) {
    return new PulseRequest(scope, asOf, length);
  }
}
