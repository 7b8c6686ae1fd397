package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;

/**
 * Whether an innovation is a successful pattern in the caller's tenant, and whom that was pushed
 * to. A pattern is successful when at least {@link #MIN_TEAMS} adopting teams have outcomes
 * ({@code attrs.value}) both in the window before and in the window after their adoption, and the
 * mean outcome improved for more than half of them, each value read in the direction its outcome
 * declares ({@link io.convener.api.learning.OutcomeDirection}: a lower-is-better value improves
 * when it falls). Immutable.
 *
 * @param innovation the innovation
 * @param teamsCompared adopting teams with outcomes before and after their adoption
 * @param teamsImproved of those, the teams whose mean outcome improved
 * @param meanUplift the mean over compared teams of the improvement from the mean before to the mean
 *     after (after − before for higher-is-better values, before − after for lower-is-better); 0
 *     when none
 * @param successful whether the pattern counts as successful
 * @param notified how many team leads were sent a notification (0 unless successful)
 * @param provenanceId the id of the provenance entry of the call
 */
public record SuccessfulPattern(
    EventId innovation,
    int teamsCompared,
    int teamsImproved,
    double meanUplift,
    boolean successful,
    int notified,
    long provenanceId) {
  /** Fewest adopting teams with outcomes before and after for a pattern to count as successful. */
  public static final int MIN_TEAMS = 2;

  /** Validates. */
  public SuccessfulPattern {
    requireNonNull(innovation, "innovation");
    if (teamsImproved > teamsCompared || teamsImproved < 0 || notified < 0) {
      throw new IllegalArgumentException("counts out of range");
    }
  }

  /** The result with its provenance id. */
  public SuccessfulPattern withProvenanceId(long id) {
    return new SuccessfulPattern(innovation, teamsCompared, teamsImproved, meanUplift, successful, notified, id);
  }
}
