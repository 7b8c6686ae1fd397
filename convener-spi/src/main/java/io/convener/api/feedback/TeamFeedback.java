package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.TeamId;

/**
 * How much feedback the results about one team's members (and the team's own risk flags) drew: a
 * piece of feedback counts for every team its member belongs to, or for the team a risk flag was
 * raised for. Immutable.
 *
 * @param team the team
 * @param agreed agreements
 * @param disputed disputes, whatever their review state
 * @param open disputes no admin has reviewed yet
 * @param rejected disputes an admin rejected
 */
public record TeamFeedback(TeamId team, int agreed, int disputed, int open, int rejected) {
  /** Validates the counts. */
  public TeamFeedback {
    requireNonNull(team, "team");
    if (agreed < 0 || disputed < 0 || open < 0 || rejected < 0 || open + rejected > disputed) {
      throw new IllegalArgumentException("counts must be >= 0, open + rejected <= disputed: " + agreed + ", "
          + disputed + ", " + open + ", " + rejected);
    }
  }

  /** Every piece of feedback counted for the team. */
  public int total() {
    return agreed + disputed;
  }

  /** The share of the team's feedback that disputes a result: 0 when there is none. */
  public double disputeRate() {
    return total() == 0 ? 0 : (double) disputed / total();
  }
}
