package io.convener.http.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.champion.NetworkEdge;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON document of an interaction network: {@code {"asOf","window","anonymous","modularity",
 * "nodes":[{"label","member"?,"pagerank","betweenness","community","roles","anonymous"}],
 * "edges":[{"source","target","weight"}],"provenanceId"}}, edges naming nodes by label. A value
 * that is not a finite number is {@code null}.
 */
public final class NetworkShapes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NetworkShapes() {}

  /** The document as ordered maps and lists that Jackson writes as they are. */
  public static Map<String, @Nullable Object> json(NetworkGraph g) {
    Map<String, @Nullable Object> doc = new LinkedHashMap<>();
    doc.put("asOf", g.asOf().toString());
    doc.put("window", g.window().toDays() + "d");
    doc.put("anonymous", g.anonymous());
    doc.put("modularity", finite(g.modularity()));
    List<Map<String, @Nullable Object>> nodes = new ArrayList<>(g.nodes().size());
    for (NetworkNode n : g.nodes()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("label", n.label());
      n.member().ifPresent(m -> x.put("member", m.value().value()));
      x.put("pagerank", finite(n.pagerank()));
      x.put("betweenness", finite(n.betweenness()));
      x.put("community", n.community());
      x.put("roles", n.roles().stream().sorted().map(r -> r.wireName()).toList());
      x.put("anonymous", n.anonymous());
      nodes.add(x);
    }
    doc.put("nodes", nodes);
    List<Map<String, Object>> edges = new ArrayList<>(g.edges().size());
    for (NetworkEdge e : g.edges()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("source", g.nodes().get(e.source()).label());
      x.put("target", g.nodes().get(e.target()).label());
      x.put("weight", e.weight());
      edges.add(x);
    }
    doc.put("edges", edges);
    doc.put("provenanceId", g.provenanceId());
    return doc;
  }

  static String jsonText(NetworkGraph g) {
    try {
      return MAPPER.writeValueAsString(json(g));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
