package io.convener.core.internal.learning;

import io.convener.api.TeamId;
import io.convener.api.learning.Evidence;
import io.convener.api.learning.EvidenceRule;
import io.convener.api.model.Event;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The log-odds each piece of evidence adds to a candidate, and the score that turns them into a
 * touch: {@code p = 1 / (1 + exp(-(BIAS + sum of weights)))}. The weights are documented in {@code
 * docs/learning.md}; they were fitted on generator seeds that the accuracy test does not use.
 * Stateless.
 */
final class Weights {
  /** Log-odds of a learning artifact in the lookback having led to an outcome, before evidence. */
  static final double BIAS = -4.0;

  /** Log-odds per unit of each {@link Features feature}, in its order. */
  static final double[] WEIGHTS = {
      1.44, // EXPLICIT
      0.39, // REFERENCED_APPLICATION
      0.81, // APPLIER_TEAM
      0.82, // APPLIED_REF
      2.24, // INFERRED_SOURCE
      0.4, // TEAM_AUTHOR
      0.52, // REPORTER
      1.92, // TIME_PROXIMITY
      1.21, // MATCHING_TAGS
      -1.04, // TAGS_DIFFER
      -1.83, // NOT_REFERENCED
      0.76, // MENTION
      0.12, // FRESH_APPLICATION
      3.07, // ARTIFACT_AGE
      3.2, // TAG_COVERAGE
      0.85, // DECLARED_TEAM
      -1.63, // CLAIMED
      -3.05, // RECENT
      0.33, // IMPROVED_SINCE
      1.31, // OWN_WORK
  };

  private Weights() {}

  /** The log odds of a candidate with features {@code x} under weights {@code w}. */
  static double logit(double[] x, double[] w) {
    double logit = BIAS;
    for (int i = 0; i < Features.COUNT; i++) {
      logit += w[i] * x[i];
    }
    return logit;
  }

  /** The touch a candidate with features {@code x} makes under weights {@code w} (in feature order). */
  static Touch score(Candidate c, Event outcome, double[] x, double[] w) {
    List<Lineage.Weighted> items = new ArrayList<>();
    Set<EvidenceRule> counted = EnumSet.noneOf(EvidenceRule.class);
    for (Lineage.Weighted e : c.evidence) {
      // Each rule counts once, however many events support it; the others stay as explanation.
      EvidenceRule rule = e.evidence().rule();
      double weight = counted.add(rule) ? contribution(rule, c, x, w) : 0;
      items.add(new Lineage.Weighted(e.evidence(), weight));
    }
    if (c.artifact.actor().equals(outcome.actor()) && !c.reporter) {
      add(items, EvidenceRule.REPORTER, w[Features.REPORTER], c.artifact,
          "the member who reported the outcome wrote the artifact");
    }
    double timing = w[Features.TIME_PROXIMITY] * x[Features.TIME_PROXIMITY]
        + w[Features.FRESH_APPLICATION] * x[Features.FRESH_APPLICATION]
        + w[Features.ARTIFACT_AGE] * x[Features.ARTIFACT_AGE];
    add(items, EvidenceRule.TIME_PROXIMITY, timing, c.artifact, timingDetail(c, outcome));
    if (x[Features.MATCHING_TAGS] > 0) {
      Set<String> shared = new TreeSet<>(c.artifact.tags());
      shared.retainAll(outcome.tags());
      add(items, EvidenceRule.MATCHING_TAGS, w[Features.MATCHING_TAGS] * x[Features.MATCHING_TAGS], c.artifact,
          String.format(Locale.ROOT, "tags shared with the outcome: %s (Jaccard %.2f)", String.join(", ", shared),
              x[Features.MATCHING_TAGS]));
    }
    if (x[Features.MENTION] > 0) {
      add(items, EvidenceRule.MENTION, w[Features.MENTION], c.artifact,
          "the outcome or its team mentioned the artifact's author in the lookback");
    }
    double p = 1 / (1 + Math.exp(-logit(x, w)));
    // Explicit references come first, then the evidence by the log odds it added.
    items.sort(Comparator.comparing((Lineage.Weighted e) -> e.evidence().rule() != EvidenceRule.EXPLICIT_REF)
        .thenComparing(Comparator.comparingDouble(Lineage.Weighted::weight).reversed()));
    List<Evidence> evidence = items.stream().map(Lineage.Weighted::evidence).toList();
    Touch.Link link = c.explicit || c.referencedApplication ? Touch.Link.REFERENCED
        : c.appliedInTeam ? Touch.Link.APPLIED : Touch.Link.RELATED;
    return new Touch(c.artifact.id(), c.artifact.actor(), c.enteredAt, Math.max(p, Double.MIN_NORMAL), link, evidence);
  }

  /** What a rule recorded on the candidate adds, for ordering the evidence. */
  private static double contribution(EvidenceRule rule, Candidate c, double[] x, double[] w) {
    int f = switch (rule) {
      case EXPLICIT_REF -> c.explicit ? Features.EXPLICIT : Features.REFERENCED_APPLICATION;
      case APPLIED_REF -> Features.APPLIED_REF;
      case INFERRED_SOURCE -> Features.INFERRED_SOURCE;
      case APPLIER_TEAM -> Features.APPLIER_TEAM;
      case TEAM_AUTHOR -> Features.TEAM_AUTHOR;
      case REPORTER -> Features.REPORTER;
      case TIME_PROXIMITY -> Features.TIME_PROXIMITY;
      case MATCHING_TAGS -> Features.MATCHING_TAGS;
      case MENTION -> Features.MENTION;
      case OUTCOME_CHANGE -> Features.IMPROVED_SINCE;
    };
    return w[f] * x[f];
  }

  private static String timingDetail(Candidate c, Event outcome) {
    String entered = String.format(Locale.ROOT, "entered the lineage %.1f days before the outcome",
        Features.days(c.enteredAt, outcome.at()));
    if (!c.appliedInTeam) {
      return entered + String.format(Locale.ROOT, ", published %.1f days before it",
          Features.days(c.artifact.at(), outcome.at()));
    }
    return entered + String.format(Locale.ROOT, ", applied by the team %.1f days after it was published",
        Features.days(c.artifact.at(), c.enteredAt));
  }

  private static void add(List<Lineage.Weighted> items, EvidenceRule rule, double weight, Event artifact, String detail) {
    items.add(new Lineage.Weighted(new Evidence(rule, artifact.id(), detail), weight));
  }

  /** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
  static double jaccard(Collection<String> a, Collection<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    int shared = 0;
    for (String x : new HashSet<>(a)) {
      if (b.contains(x)) {
        shared++;
      }
    }
    return (double) shared / union.size();
  }

  /** Team ids joined for a detail line. */
  static String names(Set<TeamId> teams) {
    return String.join("/", teams.stream().map(TeamId::value).sorted().toList());
  }
}
