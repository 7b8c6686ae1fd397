package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The interaction network of a window, ready to export (GraphML, GEXF, an edge list): one node per
 * member active in the window, one directed weighted edge per pair that interacted. Members
 * without consent to {@code champion.recommendation} are anonymous nodes ({@link NetworkNode}).
 * Immutable and thread-safe.
 *
 * @param asOf the end of the window (exclusive)
 * @param window the window's length
 * @param nodes the active members, named nodes and anonymous ones in an order that says nothing
 *     about who the anonymous ones are
 * @param edges the directed edges between nodes, by index
 * @param anonymous how many nodes are anonymous
 * @param modularity the modularity of the community partition
 * @param graph the graph and data the network reflects
 * @param provenanceId the provenance entry of the call; 0 before the call is stamped
 */
public record NetworkGraph(
    Instant asOf,
    Duration window,
    List<NetworkNode> nodes,
    List<NetworkEdge> edges,
    int anonymous,
    double modularity,
    GraphSummary graph,
    long provenanceId)
    implements NamesPeople {
  /** Validates and copies; every edge must join two nodes of the list. */
  public NetworkGraph {
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    nodes = List.copyOf(requireNonNull(nodes, "nodes"));
    edges = List.copyOf(requireNonNull(edges, "edges"));
    for (NetworkEdge e : edges) {
      if (e.source() >= nodes.size() || e.target() >= nodes.size()) {
        throw new IllegalArgumentException("edge " + e + " names a node outside the " + nodes.size() + " nodes");
      }
    }
    requireNonNull(graph, "graph");
  }

  /** This network with the provenance id of its call. */
  public NetworkGraph withProvenanceId(long id) {
    return new NetworkGraph(asOf, window, nodes, edges, anonymous, modularity, graph, id);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    for (NetworkNode n : nodes) {
      n.member().ifPresent(all::add);
    }
    return all;
  }
}
