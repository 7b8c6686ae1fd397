package io.convener.core.pulse;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The pure formulas of the pulse (see {@code docs/pulse.md}). Stateless and thread-safe. */
final class PulseMath {
  private PulseMath() {}

  /**
   * The Gini coefficient of non-negative counts, G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed on
   * the sorted values as (2 Σ_i i·x_(i)) / (n Σ x) − (n + 1) / n with i from 1. Empty when there
   * are no values or they sum to 0. Gini of [0, 0, 0, 20] is 0.75, of [1, 2, 3, 4] is 0.25.
   */
  static OptionalDouble gini(long[] counts) {
    int n = counts.length;
    if (n == 0) {
      return OptionalDouble.empty();
    }
    long[] x = counts.clone();
    Arrays.sort(x);
    double total = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] < 0) {
        throw new IllegalArgumentException("counts must not be negative, got " + x[i]);
      }
      total += x[i];
      weighted += (i + 1) * (double) x[i];
    }
    if (total == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(0, 2 * weighted / (n * total) - (n + 1.0) / n));
  }

  /**
   * CHAOSS contributor absence factor: the fewest members whose counts, largest first, make up at
   * least half of the total. Empty when the total is 0.
   */
  static OptionalInt absenceFactor(long[] counts) {
    long[] x = counts.clone();
    Arrays.sort(x);
    long total = 0;
    for (long c : x) {
      total += c;
    }
    if (total == 0) {
      return OptionalInt.empty();
    }
    long sum = 0;
    int members = 0;
    for (int i = x.length - 1; i >= 0; i--) {
      sum += x[i];
      members++;
      if (2 * sum >= total) {
        break;
      }
    }
    return OptionalInt.of(members);
  }

  /** The median (mean of the two middle values for an even count); empty for no values. */
  static OptionalDouble median(double[] values, int count) {
    if (count == 0) {
      return OptionalDouble.empty();
    }
    double[] x = Arrays.copyOf(values, count);
    Arrays.sort(x);
    return OptionalDouble.of(count % 2 == 1 ? x[count / 2] : (x[count / 2 - 1] + x[count / 2]) / 2);
  }

  /** The least-squares slope of y over x; empty with fewer than two distinct x. */
  static OptionalDouble slope(double[] x, double[] y, int count) {
    if (count < 2) {
      return OptionalDouble.empty();
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < count; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= count;
    my /= count;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < count; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? OptionalDouble.empty() : OptionalDouble.of(sxy / sxx);
  }
}
