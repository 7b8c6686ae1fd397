package io.convener.testing.synthetic;

import static java.util.Objects.requireNonNull;

/**
 * The designed character of a synthetic team: the "ground truth" that pulse analytics should
 * rediscover from the team's events. Immutable and thread-safe.
 *
 * @param psychSafety the team's psychological safety level in [0, 1]; survey answers are drawn
 *     around it (high on positively worded items, low on the negatively worded items 1, 3 and 5)
 * @param sentimentMean the mean sentiment of the team's collaboration events, in [-1, 1]
 * @param responsiveness the probability in [0, 1] that a message in the team gets an answer
 * @param trend how the team's activity develops towards the end of the period
 */
public record TeamProfile(double psychSafety, double sentimentMean, double responsiveness, Trend trend) {

  /** How a team's activity develops over the generated period. */
  public enum Trend {
    /** Activity stays at the same level throughout. */
    STEADY,
    /** Activity declines steadily over the last weeks, to about a quarter of its earlier level. */
    DECLINING,
    /** A few members who were active go silent for the last weeks (about the last 30 days). */
    LOSING_MEMBERS
  }

  /** Validates the ranges. */
  public TeamProfile {
    check(psychSafety, 0, 1, "psychSafety");
    check(sentimentMean, -1, 1, "sentimentMean");
    check(responsiveness, 0, 1, "responsiveness");
    requireNonNull(trend, "trend");
  }

  private static void check(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
