package io.convener.spi.signal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One member's value of a signal, with the evidence behind it.
 *
 * @param value finite and {@code >= 0}
 * @param evidence short descriptions of what produced the value (for example the ids of the
 *     reviews counted); they must not name other people
 */
public record SignalValue(double value, List<String> evidence) {
  /** Validates and copies. */
  public SignalValue {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("value must be a finite number >= 0, got " + value);
    }
    evidence = List.copyOf(requireNonNull(evidence, "evidence"));
  }
}
