package io.convener.core.internal.learning;

import io.convener.api.model.Event;
import java.time.Duration;
import java.time.Instant;

/**
 * The numbers one candidate's evidence comes down to, in the order of {@link Weights#WEIGHTS}:
 * binary facts (1 or 0) and graded ones in [0, 1]. The score of a candidate is {@code BIAS + sum of
 * weight * feature} in log odds. Kept apart from the weights so that they can be fitted on
 * generated lineages (see {@code docs/learning.md}). Stateless.
 */
final class Features {
  /** The outcome refers to the artifact, or to an application that refers to it. */
  static final int EXPLICIT = 0;
  /** The outcome refers to an application that refers to nothing, whose likely source this is. */
  static final int REFERENCED_APPLICATION = 1;
  /** A member of the outcome's team applied the artifact. */
  static final int APPLIER_TEAM = 2;
  /** That application refers to the artifact. */
  static final int APPLIED_REF = 3;
  /** That application refers to nothing: Jaccard of their tags times 2^(-days between / 7). */
  static final int INFERRED_SOURCE = 4;
  /** A member of the outcome's team wrote the artifact. */
  static final int TEAM_AUTHOR = 5;
  /** The member who reported the outcome applied or wrote the artifact. */
  static final int REPORTER = 6;
  /** 2^(-days from entering the lineage to the outcome / 7). */
  static final int TIME_PROXIMITY = 7;
  /** Jaccard similarity of the artifact's and the outcome's tags. */
  static final int MATCHING_TAGS = 8;
  /** Both are tagged and share no tag. */
  static final int TAGS_DIFFER = 9;
  /** Found by evidence alone while the outcome's references do reach artifacts. */
  static final int NOT_REFERENCED = 10;
  /** The outcome or its team mentioned the artifact's author in the 30 days before it. */
  static final int MENTION = 11;
  /** Applied by the team soon after it was published: 2^(-days from publication to application / 7). */
  static final int FRESH_APPLICATION = 12;
  /** Published shortly before the outcome: 2^(-days from publication to the outcome / 14). */
  static final int ARTIFACT_AGE = 13;
  /** The share of the outcome's tags that the artifact has. */
  static final int TAG_COVERAGE = 14;
  /** An application by the team names the outcome's team as the one it was applied in. */
  static final int DECLARED_TEAM = 15;
  /** Every application of it by the team is named by an earlier outcome: already accounted for. */
  static final int CLAIMED = 16;
  /** 2^(-days from entering the lineage to the outcome / 2): the last few days weigh most. */
  static final int RECENT = 17;
  /**
   * The outcome's value improved, in its declared direction, on the team's previous report of the
   * metric, and the artifact entered the lineage between the two reports.
   */
  static final int IMPROVED_SINCE = 18;
  /**
   * Written in the team and not applied by it, published shortly before the outcome: 2^(-days from
   * publication to the outcome / 7) for the team's own work that needed no application.
   */
  static final int OWN_WORK = 19;
  /** How many features there are. */
  static final int COUNT = 20;
  /** Each feature's name, in order: the names the fitting runner prints its weights under. */
  static final java.util.List<String> NAMES = java.util.List.of("explicit-ref", "referenced-application",
      "applier-team", "applied-ref", "inferred-source", "team-author", "reporter", "time-proximity",
      "matching-tags", "tags-differ", "not-referenced", "mention", "fresh-application", "artifact-age",
      "tag-coverage", "declared-team", "claimed", "recent", "improved-since", "own-work");

  private static final double DAY = 86_400.0;

  private Features() {}

  /** The features of one candidate for {@code outcome}. */
  static double[] of(LineageIndex index, Candidate c, Event outcome, boolean mentioned, boolean referenced) {
    double[] x = new double[COUNT];
    x[EXPLICIT] = flag(c.explicit);
    x[REFERENCED_APPLICATION] = flag(c.referencedApplication && !c.explicit);
    x[APPLIER_TEAM] = flag(c.appliedInTeam);
    x[APPLIED_REF] = flag(c.appliedRef);
    x[INFERRED_SOURCE] = c.inferred;
    x[TEAM_AUTHOR] = flag(c.teamAuthor);
    x[REPORTER] = flag(c.reporter || c.artifact.actor().equals(outcome.actor()));
    x[TIME_PROXIMITY] = decay(c.enteredAt, outcome.at(), Lineage.PROXIMITY_HALF_LIFE.toSeconds() / DAY);
    double tags = Weights.jaccard(c.artifact.tags(), outcome.tags());
    x[MATCHING_TAGS] = tags;
    x[TAGS_DIFFER] = flag(tags == 0 && !outcome.tags().isEmpty() && !c.artifact.tags().isEmpty());
    x[NOT_REFERENCED] = flag(referenced && !c.explicit && !c.referencedApplication);
    x[MENTION] = flag(mentioned);
    x[FRESH_APPLICATION] = c.appliedInTeam ? decay(c.artifact.at(), c.enteredAt, 7) : 0;
    x[ARTIFACT_AGE] = decay(c.artifact.at(), outcome.at(), 14);
    x[TAG_COVERAGE] = coverage(outcome.tags(), c.artifact.tags());
    x[DECLARED_TEAM] = flag(c.declaredTeam);
    x[CLAIMED] = flag(!c.explicit && !c.applications.isEmpty()
        && c.applications.stream().allMatch(a -> index.claimedBefore(a.id(), outcome)));
    x[RECENT] = decay(c.enteredAt, outcome.at(), 2);
    x[IMPROVED_SINCE] = flag(c.improvedSince);
    x[OWN_WORK] = c.teamAuthor && !c.appliedInTeam ? decay(c.artifact.at(), outcome.at(), 7) : 0;
    return x;
  }

  private static double coverage(java.util.List<String> of, java.util.List<String> by) {
    if (of.isEmpty()) {
      return 0;
    }
    return (double) of.stream().filter(by::contains).count() / of.size();
  }

  /** Days from {@code from} to {@code to} (at least 0). */
  static double days(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds() / DAY);
  }

  private static double decay(Instant from, Instant to, double halfLifeDays) {
    return Math.pow(2, -days(from, to) / halfLifeDays);
  }

  private static double flag(boolean b) {
    return b ? 1 : 0;
  }
}
