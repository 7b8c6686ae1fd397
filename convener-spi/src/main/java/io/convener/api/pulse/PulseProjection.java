package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The projection of one pulse metric to the window after a {@link PulseSeries}: Holt's linear
 * exponential smoothing of the series' shown values, with 80% and 95% prediction intervals
 * clipped to the metric's range. Only shown values are used: a suppressed point, and a metric
 * withheld or undefined at a point, is a gap, so a projection never carries a suppressed value;
 * and a series whose last point is suppressed projects nothing. {@code docs/pulse.md} gives the
 * method and how often the truth fell inside the intervals in back-testing. Immutable.
 *
 * @param metric the metric
 * @param asOf the end of the projected window: one step after the series' last point
 * @param points how many shown values the projection used
 * @param value the point forecast
 * @param low the lower end of the 80% interval
 * @param high the upper end of the 80% interval
 * @param low95 the lower end of the 95% interval
 * @param high95 the upper end of the 95% interval
 */
public record PulseProjection(PulseMetric metric, Instant asOf, int points, double value, double low, double high,
    double low95, double high95) {
  /** The fewest shown values a projection is made from. */
  public static final int MIN_POINTS = 4;
  /** The method's name, as the {@code method} of the JSON projection. */
  public static final String METHOD = "holt-linear";

  private static final double Z80 = 1.2815515655446004;
  private static final double Z95 = 1.959963984540054;

  /** Validates. */
  public PulseProjection {
    requireNonNull(metric, "metric");
    requireNonNull(asOf, "asOf");
    if (!(low95 <= low && low <= value && value <= high && high <= high95)) {
      throw new IllegalArgumentException("intervals must nest around the value");
    }
  }

  /**
   * How many shown values of {@code metric} the series has: those a projection would use.
   *
   * @param series the series
   * @param metric the metric
   * @return 0 when the series' last point is suppressed
   */
  public static int usablePoints(PulseSeries series, PulseMetric metric) {
    List<PulseReport> points = series.points();
    if (points.isEmpty() || points.get(points.size() - 1).isSuppressed()) {
      return 0;
    }
    return (int) points.stream().filter(p -> !p.isSuppressed() && p.metrics().get(metric).isPresent()).count();
  }

  /**
   * Projects one metric of a series to the next window.
   *
   * @param series the series
   * @param metric the metric
   * @return empty when fewer than {@link #MIN_POINTS} values are {@link #usablePoints usable}
   */
  public static Optional<PulseProjection> of(PulseSeries series, PulseMetric metric) {
    int usable = usablePoints(series, metric);
    if (usable < MIN_POINTS) {
      return Optional.empty();
    }
    List<PulseReport> points = series.points();
    double[] y = new double[points.size()];
    int last = -1;
    for (int i = 0; i < y.length; i++) {
      PulseReport p = points.get(i);
      y[i] = p.isSuppressed() ? Double.NaN : p.metrics().get(metric).orElse(Double.NaN);
      last = Double.isNaN(y[i]) ? last : i;
    }
    HoltLinear holt = HoltLinear.fit(java.util.Arrays.copyOf(y, last + 1));
    int h = y.length - last;
    double value = holt.forecast(h);
    double spread = holt.spread(h);
    Instant asOf = points.get(points.size() - 1).asOf().plus(series.step());
    return Optional.of(new PulseProjection(metric, asOf, usable, clip(metric, value), clip(metric, value - Z80 * spread),
        clip(metric, value + Z80 * spread), clip(metric, value - Z95 * spread), clip(metric, value + Z95 * spread)));
  }

  /** A value held to the range the metric can take ({@code docs/pulse.md} gives each). */
  private static double clip(PulseMetric metric, double v) {
    switch (metric) {
      case PARTICIPATION_RATE, RESPONSE_RATE, RECIPROCITY, TURN_TAKING_GINI, PSYCH_SAFETY_AGREEMENT:
        return Math.min(1, Math.max(0, v));
      case SENTIMENT:
        return Math.min(1, Math.max(-1, v));
      case PSYCH_SAFETY:
        return Math.min(7, Math.max(1, v));
      case SENTIMENT_TREND:
        return v;
      default:
        return Math.max(0, v);
    }
  }
}
