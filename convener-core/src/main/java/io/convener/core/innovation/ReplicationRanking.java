package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TeamId;
import io.convener.api.innovation.ReplicationSuggestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks the teams that have not adopted an innovation by two kinds of evidence, each in [0, 1]:
 * <em>proximity</em>, the team's collaborations with adopting teams relative to the most any
 * candidate has; and <em>similarity</em>, the cosine between the team's practice-term vector and
 * the mean of the adopting teams' unit vectors, terms weighted {@code log(1 + uses) · log(T / df)}
 * (T teams, df teams using the term), so a term every team uses says nothing. The score is their
 * mean. Computed on demand from {@link ReplicationEvidence}.
 */
final class ReplicationRanking {
  private static final int SHARED_TERMS = 3;

  private final ReplicationEvidence evidence;
  private final Set<TeamId> adopters;
  private final Map<TeamId, Map<String, Double>> vectors = new HashMap<>();

  ReplicationRanking(ReplicationEvidence evidence, Set<TeamId> adopters) {
    this.evidence = requireNonNull(evidence, "evidence");
    this.adopters = Set.copyOf(adopters);
    Map<String, Integer> df = new HashMap<>();
    evidence.terms().values().forEach(m -> m.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
    double teams = Math.max(1, evidence.teams().size());
    evidence.terms().forEach((team, uses) -> {
      Map<String, Double> v = new HashMap<>();
      uses.forEach((term, n) -> {
        double w = Math.log1p(n) * Math.log(teams / df.get(term));
        if (w > 0) {
          v.put(term, w);
        }
      });
      double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
      v.replaceAll((term, w) -> w / norm);
      vectors.put(team, v);
    });
  }

  /** Every candidate team, best first (ties: team id). */
  List<ReplicationSuggestion> rank() {
    Map<String, Double> centre = centre();
    double centreNorm = Math.sqrt(centre.values().stream().mapToDouble(x -> x * x).sum());
    List<TeamId> candidates = evidence.teams().stream().filter(t -> !adopters.contains(t)).toList();
    int most = 0;
    for (TeamId c : candidates) {
      most = Math.max(most, collaborations(c));
    }
    List<ReplicationSuggestion> out = new ArrayList<>();
    for (TeamId c : candidates) {
      int n = collaborations(c);
      double proximity = most == 0 ? 0 : (double) n / most;
      Map<String, Double> v = vectors.getOrDefault(c, Map.of());
      Map<String, Double> parts = new HashMap<>();
      v.forEach((term, w) -> parts.put(term, w * centre.getOrDefault(term, 0.0)));
      double dot = parts.values().stream().mapToDouble(Double::doubleValue).sum();
      double similarity = centreNorm == 0 ? 0 : Math.min(1, Math.max(0, dot / centreNorm));
      List<String> shared = parts.entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(SHARED_TERMS).map(Map.Entry::getKey).toList();
      Optional<TeamId> nearest = nearest(c);
      out.add(new ReplicationSuggestion(c, (proximity + similarity) / 2, n, proximity, nearest, similarity, shared,
          reason(n, nearest, similarity, shared)));
    }
    out.sort(Comparator.comparingDouble(ReplicationSuggestion::score).reversed()
        .thenComparing(ReplicationSuggestion::team));
    return out;
  }

  private Map<String, Double> centre() {
    Map<String, Double> centre = new HashMap<>();
    List<Map<String, Double>> profiles = adopters.stream().map(vectors::get).filter(v -> v != null && !v.isEmpty())
        .toList();
    for (Map<String, Double> v : profiles) {
      v.forEach((term, w) -> centre.merge(term, w / profiles.size(), Double::sum));
    }
    return centre;
  }

  private int collaborations(TeamId team) {
    int n = 0;
    for (TeamId a : adopters) {
      n += evidence.link(team, a);
    }
    return n;
  }

  private Optional<TeamId> nearest(TeamId team) {
    return adopters.stream().filter(a -> evidence.link(team, a) > 0)
        .max(Comparator.<TeamId>comparingInt(a -> evidence.link(team, a)).thenComparing(Comparator.reverseOrder()));
  }

  private static String reason(int n, Optional<TeamId> nearest, double similarity, List<String> shared) {
    String near = n == 0 ? "no collaborations with adopting teams"
        : n + " collaboration" + (n == 1 ? "" : "s") + " with adopting teams (most with "
            + nearest.map(TeamId::value).orElse("-") + ")";
    String alike = shared.isEmpty() ? "no distinctive practice terms in common"
        : String.format(Locale.ROOT, "practice similarity %.2f (shared: %s)", similarity, String.join(", ", shared));
    return near + "; " + alike;
  }
}
