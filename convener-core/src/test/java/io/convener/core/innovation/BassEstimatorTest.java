package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.innovation.BassFit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The least-squares Bass fit recovers the parameters that generated a series, and says why when it
 * cannot fit. Series come from the discrete Bass recursion n(t) = (p + q N(t-1) / m)(m - N(t-1))
 * with the meta-analytic averages p = 0.03, q = 0.38 (Sultan, Farley and Lehmann 1990).
 */
class BassEstimatorTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void recoversTheParametersOfAnExactBassSeries() {
    double[] counts = series(0.03, 0.38, 1000, 20);
    BassFit fit = BassEstimator.fit(counts, WEEK).fit().orElseThrow();
    assertThat(fit.p()).isCloseTo(0.03, within(1e-9));
    assertThat(fit.q()).isCloseTo(0.38, within(1e-9));
    assertThat(fit.m()).isCloseTo(1000, within(1e-6));
    assertThat(fit.periods()).isEqualTo(20);
  }

  @Test
  void roundedCountsStillFitClosely() {
    double[] counts = series(0.02, 0.5, 400, 16);
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.round(counts[i]);
    }
    BassFit fit = BassEstimator.fit(counts, WEEK).fit().orElseThrow();
    assertThat(fit.p()).isCloseTo(0.02, within(0.01));
    assertThat(fit.q()).isCloseTo(0.5, within(0.05));
    assertThat(fit.m()).isCloseTo(400, within(10.0));
  }

  @Test
  void tooFewPeriodsIsAbsentWithTheMinimum() {
    BassEstimator.Result r = BassEstimator.fit(series(0.03, 0.38, 100, 7), WEEK);
    assertThat(r.fit()).isEmpty();
    assertThat(r.reason()).contains("only 7 period(s)").contains("at least 8");
  }

  @Test
  void aSeriesThatOnlyAcceleratesIsNoBassCurve() {
    double[] counts = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
    BassEstimator.Result r = BassEstimator.fit(counts, WEEK);
    assertThat(r.fit()).isEmpty();
    assertThat(r.reason()).contains("not a Bass curve");
  }

  @Test
  void flatSeriesHasTooFewDistinctValuesOrIsNoBassCurve() {
    assertThat(BassEstimator.fit(new double[8], WEEK).reason()).isEqualTo("no adoptions");
    double[] once = {5, 0, 0, 0, 0, 0, 0, 0};
    assertThat(BassEstimator.fit(once, WEEK).fit()).isEmpty();
  }

  static double[] series(double p, double q, double m, int periods) {
    double[] counts = new double[periods];
    double cumulative = 0;
    for (int t = 0; t < periods; t++) {
      counts[t] = (p + q * cumulative / m) * (m - cumulative);
      cumulative += counts[t];
    }
    return counts;
  }
}
