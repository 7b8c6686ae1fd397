package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.TeamId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.util.ArrayList;
import java.util.List;

/**
 * Recommended collaborators for a team.
 *
 * @param team the team that asked
 * @param skills the skills looked for (the query's, or the team's declared skills)
 * @param recommendations best first
 * @param candidates members outside the team who showed any of the skills
 * @param withheld candidates left out for lack of consent
 * @param graph the graph and data the recommendations reflect
 * @param provenanceId the provenance entry of the call
 */
public record CollaboratorRecommendations(
    TeamId team,
    List<String> skills,
    List<Recommendation> recommendations,
    int candidates,
    int withheld,
    GraphSummary graph,
    long provenanceId)
    implements NamesPeople {
  /** Validates and copies. */
  public CollaboratorRecommendations {
    requireNonNull(team, "team");
    skills = List.copyOf(requireNonNull(skills, "skills"));
    recommendations = List.copyOf(requireNonNull(recommendations, "recommendations"));
    requireNonNull(graph, "graph");
  }

  /** These recommendations, each stamped with the provenance id of the call. */
  public CollaboratorRecommendations withProvenanceId(long id) {
    List<Recommendation> stamped = new ArrayList<>();
    for (Recommendation r : recommendations) {
      stamped.add(r.withProvenanceId(id));
    }
    return new CollaboratorRecommendations(team, skills, stamped, candidates, withheld, graph, id);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    for (Recommendation r : recommendations) {
      all.addAll(r.disclosures());
    }
    return all;
  }
}
