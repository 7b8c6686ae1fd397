package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.NetworkEdge;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.graph.GraphMetrics;
import io.convener.core.internal.graph.InteractionGraph;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The window's interaction network for export. The graph and its PageRank, betweenness and
 * communities are exactly those of {@link MetricsLister} (the contract's graph); the roles come
 * from the champion scoring of the same snapshot. Only members active in the window become nodes.
 * A member the consent gate does not let through gets a label of random bytes, drawn afresh for
 * every export, and nodes are ordered by label, so neither the label nor the position of an
 * anonymous node says who it is. Thread-safe.
 */
final class NetworkLister {
  private static final HexFormat HEX = HexFormat.of();
  private final Pipeline pipeline;
  private final ConsentEngine consent;
  private final SecureRandom random = new SecureRandom();

  @Inject
  NetworkLister(Pipeline pipeline, ConsentEngine consent) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.consent = requireNonNull(consent, "consent");
  }

  NetworkGraph list(TenantId tenant, Instant asOf, Duration window, ChampionSettings settings) {
    Pipeline.Scored scored = pipeline.score(tenant, asOf, window, settings);
    TenantLog.Snapshot snap = scored.snapshot();
    WindowGraph wg = WindowGraph.build(snap, EventColumns.nanos(asOf.minus(window)), EventColumns.nanos(asOf), null, 1);
    GraphMetrics m = GraphMetrics.compute(wg.graph, pipeline.structures().options());
    List<Integer> active = new ArrayList<>();
    List<MemberId> ids = new ArrayList<>();
    for (int v = 0; v < wg.nodeCount(); v++) {
      if (wg.activity(v) > 0 || wg.graph.degree(v) > 0) {
        active.add(v);
        ids.add(idOf(snap, wg, v));
      }
    }
    Map<MemberId, Disclosed<MemberId>> named = new HashMap<>();
    for (Disclosed<MemberId> d : consent.disclose(tenant, Purpose.CHAMPION_RECOMMENDATION, ids).disclosed()) {
      named.put(d.value(), d);
    }
    Set<String> labels = new HashSet<>(named.size() * 2);
    named.keySet().forEach(id -> labels.add(id.value()));
    List<Draft> drafts = new ArrayList<>(active.size());
    for (int v : active) {
      Optional<Disclosed<MemberId>> member = Optional.ofNullable(named.get(idOf(snap, wg, v)));
      String label = member.isPresent() ? member.get().value().value() : freshLabel(labels);
      drafts.add(new Draft(v, new NetworkNode(member, label, m.pageRank()[v], m.betweenness()[v], m.community()[v],
          roles(scored, wg.rosterOf[v]))));
    }
    drafts.sort(Comparator.comparing(d -> d.node().label()));
    int[] indexOf = new int[wg.nodeCount()];
    List<NetworkNode> nodes = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      indexOf[d.vertex()] = nodes.size();
      nodes.add(d.node());
    }
    return new NetworkGraph(asOf, window, nodes, edges(wg.graph, drafts, indexOf), active.size() - named.size(),
        m.modularity(), Summaries.of(wg, snap, 0), 0);
  }

  /** A node before the nodes are ordered, with its vertex in the window graph. */
  private record Draft(int vertex, NetworkNode node) {}

  private static List<NetworkEdge> edges(InteractionGraph g, List<Draft> drafts, int[] indexOf) {
    List<NetworkEdge> edges = new ArrayList<>();
    for (Draft d : drafts) {
      int a = d.vertex();
      g.forEachNeighbour(a, (b, undirected) -> {
        double w = g.weight(a, b);
        if (w > 0) {
          edges.add(new NetworkEdge(indexOf[a], indexOf[b], w));
        }
      });
    }
    return edges;
  }

  /** The roles of a roster member in the champion scoring; none when the settings exclude the member. */
  private static Set<ChampionRole> roles(Pipeline.Scored s, int roster) {
    int v = s.graph().nodeOf[roster];
    return v < 0 ? Set.of() : s.scoring().roles(v, s.teamOfRoster());
  }

  private String freshLabel(Set<String> taken) {
    byte[] bytes = new byte[8];
    String label;
    do {
      random.nextBytes(bytes);
      label = "anonymous-" + HEX.formatHex(bytes);
    } while (!taken.add(label));
    return label;
  }

  private static MemberId idOf(TenantLog.Snapshot snap, WindowGraph wg, int v) {
    return snap.roster().member(wg.rosterOf[v]).id();
  }
}
