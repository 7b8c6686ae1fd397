package io.convener.spi.signal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The window a signal is asked about: {@code [from, until)}.
 *
 * @param from the first instant included
 * @param until the first instant excluded
 */
public record SignalWindow(Instant from, Instant until) {
  /** Validates. */
  public SignalWindow {
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    if (until.isBefore(from)) {
      throw new IllegalArgumentException("until " + until + " is before from " + from);
    }
  }

  /** Whether the instant lies in the window. */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(until);
  }
}
