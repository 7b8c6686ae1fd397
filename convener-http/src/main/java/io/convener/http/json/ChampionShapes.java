package io.convener.http.json;

import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.Evidence;
import io.convener.api.champion.RankedMember;
import io.convener.api.champion.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of champion discovery: the shapes {@code convener champions} and {@code
 * convener collaborators} print with {@code --format json} and {@code GET /v1/champions} and
 * {@code GET /v1/collaborators} answer. The map shapes are the ones CONTRACT.md pins.
 */
public final class ChampionShapes {
  private ChampionShapes() {}

  /**
   * The champion ranking document, as CONTRACT.md pins it.
   *
   * @param tenant the tenant id, printed as {@code tenant}
   * @param window the window as the caller wrote it (for example {@code 90d}), printed as given
   * @param r the ranking
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(String tenant, String window, ChampionRanking r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tenant", tenant);
    doc.put("asOf", r.asOf().toString());
    doc.put("window", window);
    List<Map<String, Object>> list = new ArrayList<>();
    for (RankedMember e : r.champions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("member", e.member().value().value());
      m.put("rank", e.rank());
      m.put("score", e.score());
      m.put("roles", e.roles().stream().map(ChampionRole::wireName).sorted().toList());
      m.put("persona", e.persona().wireName());
      m.put("components", e.components());
      m.put("raw", e.raw());
      m.put("weights", e.weights());
      m.put("evidence", evidence(e.evidence()));
      m.put("exact", e.exact());
      m.put("provenanceId", e.provenanceId());
      list.add(m);
    }
    doc.put("champions", list);
    doc.put("candidates", r.candidates());
    doc.put("withheld", r.withheld());
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("nodes", r.graph().nodes());
    graph.put("edges", r.graph().edges());
    graph.put("eventsInWindow", r.graph().eventsInWindow());
    graph.put("watermark", r.graph().watermark());
    graph.put("structuralLag", r.graph().structuralLag());
    doc.put("graph", graph);
    Map<String, Object> bet = new LinkedHashMap<>();
    bet.put("exact", r.betweenness().exact());
    bet.put("samples", r.betweenness().samples());
    bet.put("errorBound", r.betweenness().errorBound());
    bet.put("method", r.betweenness().method());
    doc.put("betweenness", bet);
    r.stale().ifPresent(x -> doc.put("stale", Map.of("computedAt", x.computedAt().toString(), "cause", x.cause())));
    doc.put("provenanceId", r.provenanceId());
    return doc;
  }

  private static Map<String, Object> evidence(Evidence ev) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> events = new ArrayList<>();
    for (Evidence.EventEvidence e : ev.events()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("event", e.event().value());
      x.put("kind", e.kind());
      x.put("component", e.component());
      x.put("contribution", e.contribution());
      events.add(x);
    }
    List<Map<String, Object>> people = new ArrayList<>();
    for (Evidence.PersonEvidence p : ev.people()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("member", p.person().value().value());
      x.put("component", p.component());
      x.put("contribution", p.contribution());
      people.add(x);
    }
    m.put("events", events);
    m.put("people", people);
    m.put("peopleWithheld", ev.peopleWithheld());
    if (!ev.signals().isEmpty()) {
      m.put("signals", ev.signals());
    }
    return m;
  }

  /**
   * The collaborator recommendations document, as CONTRACT.md pins it.
   *
   * @param r the recommendations
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(CollaboratorRecommendations r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("team", r.team().value());
    doc.put("skills", r.skills());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Recommendation x : r.recommendations()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("member", x.member().value().value());
      m.put("score", x.score());
      m.put("reasons", x.reasons());
      m.put("components", x.components());
      m.put("matchingSkills", x.matchingSkills());
      m.put("sharedNeighbours", x.sharedNeighbours().stream().map(d -> d.value().value()).toList());
      m.put("sharedNeighboursWithheld", x.sharedNeighboursWithheld());
      m.put("evidence", x.evidence().stream().map(e -> e.value()).toList());
      m.put("provenanceId", x.provenanceId());
      list.add(m);
    }
    doc.put("recommendations", list);
    doc.put("candidates", r.candidates());
    doc.put("withheld", r.withheld());
    doc.put("provenanceId", r.provenanceId());
    return doc;
  }
}
