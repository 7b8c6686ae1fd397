package io.convener.core.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the artifacts of a {@link PlanEvidence} for a learning plan. The interest profile is the
 * share of each tag in the recent work (declared skills count as one event each) and, when plan
 * tags are given, an equal share of each plan tag; planned work takes {@value #PLANNED} of the
 * profile (all of it when there is no recent work). Each tag is
 * weighted by its rarity among the artifacts, idf = ln(1 + N/df); an artifact's relevance is the
 * cosine of its tag vector and the profile in that weighting, and its score is the relevance
 * times the proof that it helps, 1 + {@value #APPLIED} ln(1 + people who applied it) + {@value
 * #NAMED} ln(1 + outcomes naming it). Artifacts the subject applied or wrote are left out, and so
 * is every artifact that shares no tag with the profile. Stateless.
 */
final class PlanRanking {
  /** Weight of the log of how many people applied an artifact. */
  static final double APPLIED = 0.5;
  /** Weight of the log of how many outcomes name an artifact or its applications. */
  static final double NAMED = 0.25;
  /** The share of the profile that planned work takes when there is recent work too. */
  static final double PLANNED = 0.3;

  /** One ranked artifact, before consent: the appliers are all of them. */
  record Ranked(EventId artifact, double score, List<String> matched, List<String> planned, List<MemberId> appliers,
      int outcomes) {}

  private PlanRanking() {}

  /** The best {@code limit} artifacts, best first, ties by id. */
  static List<Ranked> rank(PlanEvidence e, List<String> planTags, int limit) {
    Map<String, Double> idf = idf(e);
    Map<String, Double> profile = profile(e.workTags, planTags, idf);
    double norm = Math.sqrt(profile.values().stream().mapToDouble(v -> v * v).sum());
    List<Ranked> ranked = new ArrayList<>();
    if (norm == 0) {
      return ranked;
    }
    for (PlanEvidence.Artifact a : e.artifacts.values()) {
      if (e.known.contains(a.id())) {
        continue;
      }
      double dot = 0;
      double self = 0;
      for (String t : a.tags()) {
        double w = idf.get(t);
        self += w * w;
        dot += profile.getOrDefault(t, 0.0) * w;
      }
      if (dot <= 0) {
        continue;
      }
      Set<MemberId> who = e.appliers.getOrDefault(a.id(), Set.of());
      int named = e.outcomes.getOrDefault(a.id(), 0);
      double score = dot / (norm * Math.sqrt(self)) * (1 + APPLIED * Math.log1p(who.size()) + NAMED * Math.log1p(named));
      ranked.add(new Ranked(a.id(), score, matched(a.tags(), e.workTags.keySet(), idf),
          matched(a.tags(), Set.copyOf(planTags), idf), who.stream().sorted().toList(), named));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.artifact().value()));
    return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
  }

  private static Map<String, Double> idf(PlanEvidence e) {
    Map<String, Integer> df = new HashMap<>();
    for (PlanEvidence.Artifact a : e.artifacts.values()) {
      a.tags().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    double n = e.artifacts.size();
    Map<String, Double> idf = new HashMap<>();
    df.forEach((t, d) -> idf.put(t, Math.log1p(n / d)));
    return idf;
  }

  /** Tag → profile weight × idf, only for tags some artifact has. */
  private static Map<String, Double> profile(Map<String, Integer> work, List<String> planTags, Map<String, Double> idf) {
    double total = work.values().stream().mapToInt(Integer::intValue).sum();
    double planned = planTags.isEmpty() ? 0 : total == 0 ? 1 : PLANNED;
    Map<String, Double> q = new HashMap<>();
    if (total > 0) {
      work.forEach((t, c) -> q.merge(t, (1 - planned) * c / total, Double::sum));
    }
    for (String t : planTags) {
      q.merge(t, planned / planTags.size(), Double::sum);
    }
    Map<String, Double> weighted = new HashMap<>();
    q.forEach((t, w) -> {
      Double i = idf.get(t);
      if (i != null) {
        weighted.put(t, w * i);
      }
    });
    return weighted;
  }

  /** The artifact's tags that are in {@code among}, rarest first (ties by name). */
  private static List<String> matched(List<String> tags, Set<String> among, Map<String, Double> idf) {
    return tags.stream().filter(among::contains)
        .sorted(Comparator.comparingDouble((String t) -> idf.get(t)).reversed().thenComparing(t -> t))
        .toList();
  }
}
