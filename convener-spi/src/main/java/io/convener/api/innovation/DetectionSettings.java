package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A tenant's thresholds for detecting innovations from tags; {@link #defaults()} until an admin
 * sets others. A practice is a candidate when it first appears inside the window, its origin team
 * has it (nearly) to itself for {@code originLead}, and then at least {@code minAdopters} members
 * outside the origin team, in at least {@code minTeams} teams counting the origin, take it up.
 * {@code docs/innovation.md} says how the defaults were chosen. Immutable.
 *
 * @param minAdopters distinct members, not of the origin team, who used the practice, at least 1
 *     (default 3)
 * @param minTeams distinct teams that used it, the origin team included, at least 2 (default 3)
 * @param originLead how long after its first appearance a practice must stay mostly in the origin
 *     team; positive, at most 365 days (default 14 days)
 * @param originShare the share of the uses inside the lead that must come from the origin team, in
 *     (0.5, 1] (default 0.75)
 */
public record DetectionSettings(int minAdopters, int minTeams, Duration originLead, double originShare) {
  private static final DetectionSettings DEFAULTS = new DetectionSettings(3, 3, Duration.ofDays(14), 0.75);

  /** Validates every range; throws naming the first bad one. */
  public DetectionSettings {
    requireNonNull(originLead, "originLead");
    if (minAdopters < 1) {
      throw new IllegalArgumentException("minAdopters must be at least 1, got " + minAdopters);
    }
    if (minTeams < 2) {
      throw new IllegalArgumentException("minTeams must be at least 2, got " + minTeams);
    }
    if (originLead.isNegative() || originLead.isZero() || originLead.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("originLead must be positive and at most 365 days, got " + originLead);
    }
    if (!(originShare > 0.5 && originShare <= 1.0)) {
      throw new IllegalArgumentException("originShare must be in (0.5, 1], got " + originShare);
    }
  }

  /** The defaults: 3 adopters, 3 teams, a 14-day lead with 75% of its uses in the origin team. */
  public static DetectionSettings defaults() {
    return DEFAULTS;
  }
}
