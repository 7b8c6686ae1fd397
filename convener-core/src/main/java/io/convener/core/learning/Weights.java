package io.convener.core.learning;

import io.convener.api.TeamId;
import io.convener.api.learning.Evidence;
import io.convener.api.learning.EvidenceRule;
import io.convener.api.model.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The log-odds each piece of evidence adds to a candidate, and the score that turns them into a
 * touch: {@code p = 1 / (1 + exp(-(BIAS + sum of weights)))}. The weights are documented in {@code
 * docs/learning.md}; they were set on generator seeds that the accuracy test does not use.
 * Stateless.
 */
final class Weights {
  /** Log-odds of a learning artifact in the lookback having led to an outcome, before evidence. */
  static final double BIAS = -4.0;
  /**
   * Log-odds added to a candidate found by evidence alone when the outcome's references do reach
   * artifacts: references are more often complete than not.
   */
  static final double NOT_REFERENCED = -2.0;
  /**
   * The fraction of {@link EvidenceRule#EXPLICIT_REF}'s weight given to an artifact inferred as
   * the source of an application the outcome names, when the application itself names nothing.
   */
  static final double REFERENCED_APPLICATION = 0.5;
  /** Log-odds added when the outcome and the artifact both have tags and share none. */
  static final double TAGS_DIFFER = -1.0;

  /** Largest probability of a candidate without an explicit reference: inference is never certain. */
  static final double INFERRED_CEILING = 0.95;

  private static final Map<EvidenceRule, Double> WEIGHT = new EnumMap<>(Map.of(
      EvidenceRule.EXPLICIT_REF, 6.0,
      EvidenceRule.APPLIED_REF, 1.0,
      EvidenceRule.INFERRED_SOURCE, 3.0, // times Jaccard(tags) * 2^(-days from artifact to application / 7)
      EvidenceRule.APPLIER_TEAM, 2.5,
      EvidenceRule.TEAM_AUTHOR, 1.0,
      EvidenceRule.REPORTER, 0.5,
      EvidenceRule.TIME_PROXIMITY, 2.0, // times 2^(-age / 7 days)
      EvidenceRule.MATCHING_TAGS, 3.0, // times the Jaccard similarity with the outcome's tags
      EvidenceRule.MENTION, 1.5));

  private Weights() {}

  static Touch score(Lineage.Candidate c, Event outcome, boolean mentioned, boolean referenced) {
    List<Lineage.Weighted> items = new ArrayList<>();
    double logit = BIAS;
    Set<EvidenceRule> counted = java.util.EnumSet.noneOf(EvidenceRule.class);
    for (Lineage.Weighted w : c.evidence) {
      // Each rule counts once, however many events support it; the others stay as explanation.
      EvidenceRule rule = w.evidence().rule();
      double weight = counted.add(rule) ? WEIGHT.get(rule) : 0;
      if (rule == EvidenceRule.INFERRED_SOURCE) {
        weight *= c.inferred;
      } else if (rule == EvidenceRule.EXPLICIT_REF && !c.explicit) {
        weight *= REFERENCED_APPLICATION; // one step removed: the application, not the artifact, is named
      }
      logit += weight;
      items.add(new Lineage.Weighted(w.evidence(), weight));
    }
    if (c.artifact.actor().equals(outcome.actor()) && !c.reporter) {
      logit += add(items, EvidenceRule.REPORTER, WEIGHT.get(EvidenceRule.REPORTER), c.artifact,
          "the member who reported the outcome wrote the artifact");
    }
    double ageDays = Math.max(0, Duration.between(c.enteredAt, outcome.at()).toSeconds() / 86_400.0);
    double proximity = Math.pow(2, -ageDays / (Lineage.PROXIMITY_HALF_LIFE.toSeconds() / 86_400.0));
    logit += add(items, EvidenceRule.TIME_PROXIMITY, WEIGHT.get(EvidenceRule.TIME_PROXIMITY) * proximity, c.artifact,
        String.format(Locale.ROOT, "entered the lineage %.1f days before the outcome", ageDays));
    double tags = jaccard(c.artifact.tags(), outcome.tags());
    if (tags > 0) {
      Set<String> shared = new TreeSet<>(c.artifact.tags());
      shared.retainAll(outcome.tags());
      logit += add(items, EvidenceRule.MATCHING_TAGS, WEIGHT.get(EvidenceRule.MATCHING_TAGS) * tags, c.artifact,
          String.format(Locale.ROOT, "tags shared with the outcome: %s (Jaccard %.2f)", String.join(", ", shared), tags));
    }
    if (tags == 0 && !outcome.tags().isEmpty() && !c.artifact.tags().isEmpty()) {
      logit += TAGS_DIFFER;
    }
    if (referenced && !c.explicit && !c.referencedApplication) {
      logit += NOT_REFERENCED;
    }
    if (mentioned) {
      logit += add(items, EvidenceRule.MENTION, WEIGHT.get(EvidenceRule.MENTION), c.artifact,
          "the outcome or its team mentioned the artifact's author in the lookback");
    }
    double p = 1 / (1 + Math.exp(-logit));
    if (!c.explicit) {
      p *= INFERRED_CEILING; // scaled, not clipped, so that strong inferences keep their order
    }
    items.sort(Comparator.comparingDouble(Lineage.Weighted::weight).reversed());
    List<Evidence> evidence = items.stream().map(Lineage.Weighted::evidence).toList();
    return new Touch(c.artifact.id(), c.artifact.actor(), c.enteredAt, Math.max(p, Double.MIN_NORMAL), evidence);
  }

  private static double add(List<Lineage.Weighted> items, EvidenceRule rule, double weight, Event artifact, String detail) {
    items.add(new Lineage.Weighted(new Evidence(rule, artifact.id(), detail), weight));
    return weight;
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
