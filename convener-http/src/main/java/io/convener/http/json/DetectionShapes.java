package io.convener.http.json;

import io.convener.api.innovation.CandidateReport;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of detected innovations: what {@code convener innovation candidates} and
 * {@code confirm} print with {@code --format json}, and what {@code GET /v1/innovations/candidates}
 * and {@code POST /v1/innovations/candidates/{tag}/confirm} answer. A candidate has the fields
 * {@code tag, originTeam, firstSeen, teams, adopters}, then {@code confirmed} (the innovation id, or
 * null). No person is named.
 */
public final class DetectionShapes {
  private DetectionShapes() {}

  /** {@code {"asOf","window","settings":{…},"candidates":[…],"provenanceId"}}. */
  public static Map<String, Object> json(CandidateReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", r.asOf().toString());
    m.put("window", r.window().toString());
    m.put("settings", json(r.settings()));
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (InnovationCandidate c : r.candidates()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("tag", c.tag());
      doc.put("originTeam", c.originTeam().value());
      doc.put("firstSeen", c.firstSeen().toString());
      doc.put("teams", c.teams());
      doc.put("adopters", c.adopters());
      doc.put("confirmed", c.confirmed().map(Object::toString).orElse(null));
      candidates.add(doc);
    }
    m.put("candidates", candidates);
    m.put("provenanceId", r.provenanceId());
    return m;
  }

  /** {@code {"tag","innovation","originTeam","firstSeen","confirmedBy","confirmedAt","provenanceId"}}. */
  public static Map<String, Object> json(ConfirmedInnovation c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tag", c.tag());
    m.put("innovation", c.innovation().value());
    m.put("originTeam", c.originTeam().value());
    m.put("firstSeen", c.firstSeen().toString());
    m.put("confirmedBy", c.confirmedBy());
    m.put("confirmedAt", c.confirmedAt().toString());
    m.put("provenanceId", c.provenanceId());
    return m;
  }

  /** {@code {"minAdopters","minTeams","originLead","originShare"}}, the lead as an ISO-8601 duration. */
  public static Map<String, Object> json(DetectionSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("minAdopters", s.minAdopters());
    m.put("minTeams", s.minTeams());
    m.put("originLead", s.originLead().toString());
    m.put("originShare", s.originShare());
    return m;
  }
}
