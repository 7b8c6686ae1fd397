package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import java.time.Duration;
import java.util.Optional;

/**
 * The difference in differences of team {@code outcome} values around the adoption of an
 * innovation: each adopting team's change in mean value from the {@code before} window to the
 * {@code after} window around its first adoption, minus the mean change of the comparison teams
 * (teams that never adopted it) over the same two windows, averaged over adopting teams. Each value
 * is read in the direction its outcome declares ({@link io.convener.api.learning.OutcomeDirection}):
 * a positive effect is an improvement, a fall of a lower-is-better value as much as a rise of a
 * higher-is-better one. Immutable.
 *
 * @param innovation the innovation
 * @param outcome the {@code attrs.name} of the outcomes compared, or empty for all outcomes
 * @param before the window before each adoption
 * @param after the window after each adoption
 * @param adoptingTeams adopting teams with outcomes in both windows and a comparison
 * @param comparisonTeams teams that never adopted, with outcomes in both windows of some adoption
 * @param estimate the estimate, or empty when there is not enough data
 * @param notEnoughData why there is no estimate, or empty
 * @param provenanceId the id of the provenance entry of the call
 */
public record InnovationRoi(EventId innovation, Optional<String> outcome, Duration before, Duration after,
    int adoptingTeams, int comparisonTeams, Optional<Estimate> estimate, Optional<String> notEnoughData,
    long provenanceId) {
  /** The fewest adopting and comparison teams an estimate needs. */
  public static final int MIN_TEAMS = 3;

  /**
   * @param effect the difference in differences
   * @param low the 2.5th percentile of the bootstrap
   * @param high the 97.5th percentile of the bootstrap
   * @param naiveChange the adopting teams' mean before-to-after change alone, which a common trend
   *     moves too
   * @param method how the interval was computed
   */
  public record Estimate(double effect, double low, double high, double naiveChange, String method) {
    /** Validates. */
    public Estimate {
      requireNonNull(method, "method");
    }
  }

  /** Validates. */
  public InnovationRoi {
    requireNonNull(innovation, "innovation");
    requireNonNull(outcome, "outcome");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    requireNonNull(estimate, "estimate");
    requireNonNull(notEnoughData, "notEnoughData");
  }

  /** The result with its provenance id. */
  public InnovationRoi withProvenanceId(long id) {
    return new InnovationRoi(innovation, outcome, before, after, adoptingTeams, comparisonTeams, estimate,
        notEnoughData, id);
  }
}
