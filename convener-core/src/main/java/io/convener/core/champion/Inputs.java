package io.convener.core.champion;

import io.convener.api.MemberId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.GraphSummary;
import io.convener.api.champion.MetricsQuery;
import io.convener.api.champion.MetricsReport;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the provenance entry of a champion call records: the inputs (digested) and the {@code used}
 * ids, which spell out the window, the filters, the graph's size, the data watermark and the
 * settings, so that a ranking can be reproduced from the log and the events.
 */
final class Inputs {
  private static final int MAX_ID = 400;

  private Inputs() {}

  static String filters(ChampionQuery q) {
    return "team=" + q.team().map(Object::toString).orElse("") + ";cohort=" + q.cohort().map(Object::toString).orElse("")
        + ";org=" + q.org().map(Object::toString).orElse("") + ";minActivity=" + q.minActivity() + ";role="
        + q.role().map(r -> r.wireName()).orElse("") + ";limit=" + q.limit();
  }

  static List<String> used(Instant from, Instant until, @Nullable GraphSummary g, String filters,
      @Nullable ChampionSettings s) {
    List<String> used = new ArrayList<>();
    used.add("window:" + from + "/" + until);
    used.add(cut("filters:" + filters));
    if (g != null) {
      used.add("graph:nodes=" + g.nodes() + ";edges=" + g.edges() + ";events=" + g.eventsInWindow());
      used.add("watermark:" + g.watermark() + ";latest=" + g.latestEvent().map(Object::toString).orElse("none")
          + ";structuralLag=" + g.structuralLag());
    }
    if (s != null) {
      ChampionThresholds t = s.thresholds();
      used.add(cut("settings:weights=" + s.weights() + ";excluded=" + s.excluded().size() + ";championQuantile="
          + t.championQuantile() + ";connectorBrokerage=" + t.connectorBrokerage() + ";connectorGroups="
          + t.connectorGroups() + ";observerActivity=" + t.observerActivity() + ";personaTau=" + t.personaTau()
          + ";broadcasterPostShare=" + t.broadcasterPostShare() + ";repeatDecay=" + t.repeatDecay()
          + ";structuralRefresh=" + t.structuralRefresh()));
    }
    return used;
  }

  private static String cut(String s) {
    return s.length() <= MAX_ID ? s : s.substring(0, MAX_ID);
  }

  static Map<String, Object> ranking(ChampionQuery q, Instant asOf, @Nullable ChampionRanking r) {
    Map<String, Object> m = window(asOf, q.window().toString());
    m.put("filters", filters(q));
    if (r != null) {
      m.put("graph", graph(r.graph()));
      m.put("settings", settings(r.settings()));
      m.put("signals", new LinkedHashMap<String, Object>(r.signals()));
    }
    return m;
  }

  static Map<String, Object> metrics(MetricsQuery q, Instant asOf, @Nullable MetricsReport r) {
    Map<String, Object> m = window(asOf, q.window().toString());
    if (r != null) {
      m.put("graph", graph(r.graph()));
    }
    return m;
  }

  static Map<String, Object> network(NetworkQuery q, Instant asOf, @Nullable NetworkGraph r) {
    Map<String, Object> m = window(asOf, q.window().toString());
    if (r != null) {
      m.put("graph", graph(r.graph()));
      m.put("activeMembers", r.nodes().size());
      m.put("anonymous", r.anonymous());
    }
    return m;
  }

  static Map<String, Object> collaborators(CollaboratorQuery q, Instant asOf, @Nullable CollaboratorRecommendations r) {
    Map<String, Object> m = window(asOf, q.window().toString());
    m.put("team", q.team().value());
    m.put("skills", List.copyOf(q.skills()));
    m.put("limit", q.limit());
    m.put("favourDiverseTies", q.favourDiverseTies());
    if (r != null) {
      m.put("graph", graph(r.graph()));
    }
    return m;
  }

  private static Map<String, Object> window(Instant asOf, String length) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", asOf.toString());
    m.put("window", length);
    return m;
  }

  private static Map<String, Object> graph(GraphSummary g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", g.nodes());
    m.put("edges", g.edges());
    m.put("eventsInWindow", g.eventsInWindow());
    m.put("watermark", g.watermark());
    m.put("latestEvent", g.latestEvent().map(Object::toString).orElse("none"));
    m.put("structuralLag", g.structuralLag());
    return m;
  }

  static Map<String, Object> settings(ChampionSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("weights", new LinkedHashMap<String, Object>(s.weights()));
    m.put("excluded", s.excluded().stream().map(MemberId::value).toList());
    ChampionThresholds t = s.thresholds();
    Map<String, Object> th = new LinkedHashMap<>();
    th.put("championQuantile", t.championQuantile());
    th.put("connectorBrokerage", t.connectorBrokerage());
    th.put("connectorGroups", t.connectorGroups());
    th.put("observerActivity", t.observerActivity());
    th.put("personaTau", t.personaTau());
    th.put("broadcasterPostShare", t.broadcasterPostShare());
    th.put("repeatDecay", t.repeatDecay());
    th.put("structuralRefresh", t.structuralRefresh());
    m.put("thresholds", th);
    return m;
  }
}
