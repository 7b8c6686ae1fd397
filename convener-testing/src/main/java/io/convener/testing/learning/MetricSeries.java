package io.convener.testing.learning;

import io.convener.api.learning.OutcomeDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Gives the outcomes of a {@link LearningScenario} their values: each team's metric, reported by
 * its outcomes in time order. Every story improves the metric by its own effect (log-normal,
 * median 1) in the scenario's direction, and each report adds measurement noise (standard
 * deviation 0.5 + 2 * noise), so that some improvements read as setbacks. Drawn from a random
 * generator of its own, so that the rest of the organisation is the same whatever the direction.
 * Stateless; not API.
 */
final class MetricSeries {
  /** Where every team's metric starts. */
  private static final double START = 80;

  private MetricSeries() {}

  /** Sets {@code attrs.value} on every outcome story (each has a team {@code tNN}). */
  static void assign(List<Story> outcomes, long seed, OutcomeDirection direction, int teams, double noise) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED_0F_7EA5L);
    double sign = direction == OutcomeDirection.LOWER_IS_BETTER ? -1 : 1;
    double[] level = new double[teams];
    Arrays.fill(level, START);
    List<Story> byTime = new ArrayList<>(outcomes);
    byTime.sort(Comparator.comparingLong(o -> o.at));
    for (Story o : byTime) {
      int x = Integer.parseInt(Objects.requireNonNull(o.team, "team").substring(1));
      level[x] += sign * Math.exp(0.5 * rng.nextGaussian());
      double measured = level[x] + (0.5 + 2 * noise) * rng.nextGaussian();
      o.attrs.put("value", Math.round(10 * measured) / 10.0);
    }
  }
}
