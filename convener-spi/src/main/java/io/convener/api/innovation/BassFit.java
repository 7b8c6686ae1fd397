package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Parameters of the Bass (1969) diffusion model fitted to an innovation's adoptions per period:
 * {@code n(t) = (p + q N(t-1) / m) (m - N(t-1))}, where {@code N} is the cumulative count. Immutable.
 *
 * @param p coefficient of innovation (external influence), per period
 * @param q coefficient of imitation (internal influence), per period
 * @param m market potential: the adoptions the cascade tends to
 * @param periods how many periods the fit used
 * @param period the length of one period
 */
public record BassFit(double p, double q, double m, int periods, Duration period) {
  /** Validates. */
  public BassFit {
    requireNonNull(period, "period");
    if (!Double.isFinite(p) || !Double.isFinite(q) || !Double.isFinite(m)) {
      throw new IllegalArgumentException("p, q and m must be finite");
    }
  }
}
