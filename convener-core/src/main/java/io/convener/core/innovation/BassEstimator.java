package io.convener.core.innovation;

import io.convener.api.innovation.BassFit;
import java.time.Duration;
import java.util.Optional;

/**
 * Fits the discrete Bass (1969) diffusion model by ordinary least squares, as Bass did: adoptions
 * in period {@code t} regress on the cumulative count before it, {@code n(t) = a + b N(t-1) + c
 * N(t-1)²}, so that {@code a = p m}, {@code b = q - p} and {@code c = -q / m}; {@code m} is the
 * positive root of {@code c m² + b m + a = 0}. Needs at least {@link #MIN_PERIODS} periods (three
 * parameters and enough residual degrees of freedom to mean something); a fit whose {@code p},
 * {@code q} or {@code m} is not positive is no Bass curve and is reported absent with the reason.
 * Stateless.
 */
final class BassEstimator {
  /** Fewest periods, from the innovation to its latest adoption, for a fit. */
  static final int MIN_PERIODS = 8;

  private BassEstimator() {}

  /** The result: a fit, or the reason there is none. */
  record Result(Optional<BassFit> fit, String reason) {}

  /**
   * Fits the model to {@code counts[t]}, the adoptions in period {@code t + 1} after the innovation.
   */
  static Result fit(double[] counts, Duration period) {
    int t = counts.length;
    if (t < MIN_PERIODS) {
      return absent("only " + t + " period(s) of " + period + " between the innovation and its latest adoption;"
          + " a Bass fit needs at least " + MIN_PERIODS);
    }
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    if (total <= 0) {
      return absent("no adoptions");
    }
    // Regress on x = N / total so the normal equations stay well conditioned.
    double[][] xtx = new double[3][3];
    double[] xty = new double[3];
    double cumulative = 0;
    for (double y : counts) {
      double x = cumulative / total;
      double[] row = {1, x, x * x};
      for (int i = 0; i < 3; i++) {
        xty[i] += row[i] * y;
        for (int j = 0; j < 3; j++) {
          xtx[i][j] += row[i] * row[j];
        }
      }
      cumulative += y;
    }
    Optional<double[]> beta = solve(xtx, xty);
    if (beta.isEmpty()) {
      return absent("the cumulative counts take too few distinct values for three parameters");
    }
    double a = beta.get()[0];
    double b = beta.get()[1] / total;
    double c = beta.get()[2] / (total * total);
    if (!(c < 0) || !(a > 0)) {
      return absent("the fitted curve is not a Bass curve (a = " + a + ", c = " + c
          + "; a Bass curve needs a > 0 and c < 0: adoption must slow as the market fills)");
    }
    double m = (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * c);
    double p = a / m;
    double q = -c * m;
    if (!(m > 0) || !(p > 0) || !(q >= 0) || !Double.isFinite(m)) {
      return absent("the fitted parameters are out of range (p = " + p + ", q = " + q + ", m = " + m + ")");
    }
    return new Result(Optional.of(new BassFit(p, q, m, t, period)), "");
  }

  private static Result absent(String reason) {
    return new Result(Optional.empty(), reason);
  }

  /** Gaussian elimination with partial pivoting; empty when the system is singular. */
  private static Optional<double[]> solve(double[][] a, double[] y) {
    int n = y.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = y[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-12 * Math.max(1, Math.abs(m[0][0]))) {
        return Optional.empty();
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int k = col; k <= n; k++) {
            m[r][k] -= f * m[col][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return Optional.of(x);
  }
}
