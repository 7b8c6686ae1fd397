package io.convener.api.pulse;

/**
 * Holt's linear exponential smoothing (level and trend, additive errors) over a regular series
 * that may have gaps: at a gap the level moves by the trend and nothing is learnt. The smoothing
 * weights are the pair on a 0.05 grid ({@code alpha} in [0.05, 0.95], {@code beta} in [0, 0.5])
 * with the least one-step squared error; the interval's spread is the root mean square of those
 * one-step errors, widened for the horizon by the ETS(A,A,N) variance formula (Hyndman and
 * Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., table 8.8).
 */
final class HoltLinear {
  private final double alpha;
  private final double beta;
  private final double level;
  private final double trend;
  private final double sse;
  private final int residuals;

  private HoltLinear(double alpha, double beta, double[] state) {
    this.alpha = alpha;
    this.beta = beta;
    this.level = state[0];
    this.trend = state[1];
    this.sse = state[2];
    this.residuals = (int) state[3];
  }

  /**
   * Fits the weights to a series.
   *
   * @param y the values, oldest first, {@code NaN} where there is none; at least two values, the
   *     first two present values starting the level and trend
   */
  static HoltLinear fit(double[] y) {
    HoltLinear best = new HoltLinear(0.5, 0.1, run(y, 0.5, 0.1));
    for (int a = 1; a <= 19; a++) {
      for (int b = 0; b <= 6; b++) {
        double alpha = a * 0.05;
        double beta = b * 0.05;
        double[] state = run(y, alpha, beta);
        if (state[2] < best.sse - 1e-12) {
          best = new HoltLinear(alpha, beta, state);
        }
      }
    }
    return best;
  }

  /** {level, trend, sum of squared one-step errors, how many} after the last point of {@code y}. */
  private static double[] run(double[] y, double alpha, double beta) {
    int first = next(y, 0);
    int second = next(y, first + 1);
    double level = y[second];
    double trend = (y[second] - y[first]) / (second - first);
    double sse = 0;
    int n = 0;
    for (int t = second + 1; t < y.length; t++) {
      double forecast = level + trend;
      if (Double.isNaN(y[t])) {
        level = forecast;
        continue;
      }
      double error = y[t] - forecast;
      sse += error * error;
      n++;
      double previous = level;
      level = forecast + alpha * error;
      trend = trend + beta * (level - previous - trend);
    }
    return new double[] {level, trend, sse, n};
  }

  private static int next(double[] y, int from) {
    for (int t = from; t < y.length; t++) {
      if (!Double.isNaN(y[t])) {
        return t;
      }
    }
    throw new IllegalArgumentException("the series needs two values");
  }

  /** The point forecast {@code h} steps after the last point. */
  double forecast(int h) {
    return level + h * trend;
  }

  /** The standard deviation of the {@code h}-step error. */
  double spread(int h) {
    double sigma2 = sse / Math.max(1, residuals - 2);
    double widen = 1 + (h - 1) * (alpha * alpha + alpha * beta * h + beta * beta * h * (2.0 * h - 1) / 6);
    return Math.sqrt(sigma2 * widen);
  }
}
