package io.convener.benchmarks;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/** The same {@link GraphWorkload} as JGraphT graphs, built the way a JGraphT user would. */
final class JGraphTGraphs {
  private JGraphTGraphs() {}

  /** Directed weighted graph; a repeated pair adds to the weight of its one edge. */
  static Graph<Integer, DefaultWeightedEdge> directed(GraphWorkload w) {
    Graph<Integer, DefaultWeightedEdge> g = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    addAll(g, w);
    return g;
  }

  /**
   * Undirected graph whose edge weight is the distance 1 / (w(a→b) + w(b→a)), the input of
   * JGraphT's weighted {@code BetweennessCentrality} for the contract's definition.
   */
  static Graph<Integer, DefaultWeightedEdge> undirectedDistances(GraphWorkload w) {
    Graph<Integer, DefaultWeightedEdge> g = new DefaultUndirectedWeightedGraph<>(DefaultWeightedEdge.class);
    addAll(g, w);
    for (DefaultWeightedEdge e : g.edgeSet()) {
      g.setEdgeWeight(e, 1.0 / g.getEdgeWeight(e));
    }
    return g;
  }

  /** Every member as a vertex, and each interaction adding 1 to the weight of its pair's one edge. */
  private static void addAll(Graph<Integer, DefaultWeightedEdge> g, GraphWorkload w) {
    for (int v = 0; v < w.members; v++) {
      g.addVertex(v);
    }
    for (int i = 0; i < w.from.length; i++) {
      DefaultWeightedEdge e = g.getEdge(w.from[i], w.to[i]);
      if (e == null) {
        g.setEdgeWeight(g.addEdge(w.from[i], w.to[i]), 1.0);
      } else {
        g.setEdgeWeight(e, g.getEdgeWeight(e) + 1.0);
      }
    }
  }
}
