package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The values of the pulse metrics for one window (or the mean over the baseline windows). A metric
 * without a value is undefined there (no messages, no respondents, nothing scored) or withheld (a
 * survey score with fewer than k respondents). Immutable and thread-safe.
 *
 * @param values each defined metric's finite value
 */
public record PulseMetrics(Map<PulseMetric, Double> values) {
  /** Validates and copies. */
  public PulseMetrics {
    requireNonNull(values, "values");
    EnumMap<PulseMetric, Double> copy = new EnumMap<>(PulseMetric.class);
    values.forEach((metric, value) -> {
      requireNonNull(metric, "metric");
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException(metric.wireName() + " must be a finite number, got " + value);
      }
      copy.put(metric, value);
    });
    values = Collections.unmodifiableMap(copy);
  }

  /** No metric defined: what a suppressed report carries. */
  public static PulseMetrics none() {
    return new PulseMetrics(Map.of());
  }

  /** The metric's value, or empty when it is undefined or withheld. */
  public OptionalDouble get(PulseMetric metric) {
    Double v = values.get(requireNonNull(metric, "metric"));
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Members in the scope, or 0 when withheld. */
  public int members() {
    return (int) get(PulseMetric.MEMBERS).orElse(0);
  }
}
