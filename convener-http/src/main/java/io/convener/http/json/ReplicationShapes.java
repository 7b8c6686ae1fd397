package io.convener.http.json;

import io.convener.api.TeamId;
import io.convener.api.innovation.ReplicationSuggestion;
import io.convener.api.innovation.ReplicationSuggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of replication suggestions: what {@code convener innovation suggest} prints
 * with {@code --format json} and what {@code GET /v1/innovation/{id}/suggestions} answers. Names
 * teams only, never a person.
 */
public final class ReplicationShapes {
  private ReplicationShapes() {}

  /**
   * {@code {"innovation","asOf","adoptingTeams","candidateTeams","suggestions":[{"team","score",
   * "collaborations","proximity","nearestAdopter","similarity","sharedTerms","reason"}],
   * "provenanceId"}}; {@code nearestAdopter} is null when the team collaborated with no adopter.
   */
  public static Map<String, Object> json(ReplicationSuggestions r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("innovation", r.innovation().value());
    m.put("asOf", r.asOf().toString());
    m.put("adoptingTeams", r.adoptingTeams());
    m.put("candidateTeams", r.candidateTeams());
    List<Map<String, Object>> suggestions = new ArrayList<>();
    for (ReplicationSuggestion s : r.suggestions()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("team", s.team().value());
      doc.put("score", s.score());
      doc.put("collaborations", s.collaborations());
      doc.put("proximity", s.proximity());
      doc.put("nearestAdopter", s.nearestAdopter().map(TeamId::value).orElse(null));
      doc.put("similarity", s.similarity());
      doc.put("sharedTerms", s.sharedTerms());
      doc.put("reason", s.reason());
      suggestions.add(doc);
    }
    m.put("suggestions", suggestions);
    m.put("provenanceId", r.provenanceId());
    return m;
  }
}
