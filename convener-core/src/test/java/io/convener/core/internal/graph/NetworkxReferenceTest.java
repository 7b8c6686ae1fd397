package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every metric equals NetworkX 3.6.1's on the committed reference graphs, to 1e-6. */
class NetworkxReferenceTest {
  private static final double TOLERANCE = 1e-6;

  @ParameterizedTest
  @ValueSource(strings = {"karate", "florentine", "lesmis", "planted", "directed"})
  void metricsEqualNetworkx(String name) {
    Fixture f = Fixture.load(name);
    InteractionGraph g = f.graph();
    assertThat(g.directedEdgeCount()).isEqualTo(f.json().get("directedEdges").asLong());
    assertThat(g.undirectedEdgeCount()).isEqualTo(f.json().get("undirectedEdges").asLong());
    GraphMetrics m = GraphMetrics.compute(g, MetricOptions.defaults());
    for (Metric metric : Metric.values()) {
      assertThat(m.unavailable(metric)).as(metric.name()).isEmpty();
    }
    int[] degree = f.ints("degree");
    double[] strength = f.values("strength");
    for (int v = 0; v < f.nodes(); v++) {
      assertThat(g.degree(v)).as("degree of %d", v).isEqualTo(degree[v]);
      assertThat(g.strength(v)).as("strength of %d", v).isCloseTo(strength[v], within(1e-9));
    }
    assertThat(m.degree()).containsExactly(degree);
    assertClose(name, "pagerank", m.pageRank(), f.values("pagerank"));
    assertClose(name, "betweenness", m.betweenness(), f.values("betweenness"));
    assertClose(name, "closeness", m.closeness(), f.values("closeness"));
    assertClose(name, "eigenvector", m.eigenvector(), f.values("eigenvector"));
    assertClose(name, "constraint", m.constraint(), f.values("constraint"));
    assertClose(name, "effectiveSize", m.effectiveSize(), f.values("effectiveSize"));
    assertClose(name, "clustering", m.clustering(), f.values("clustering"));
    assertClose(name, "strength", m.strength(), strength);
    assertThat(m.betweennessExactness().exact()).isTrue();
    assertThat(m.closenessExactness().exact()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"karate", "florentine", "lesmis", "planted", "directed"})
  void louvainIsAsGoodAsNetworkxAndItsModularityIsNetworkxModularity(String name) {
    Fixture f = Fixture.load(name);
    InteractionGraph g = f.graph();
    GraphMetrics m = GraphMetrics.compute(g, MetricOptions.defaults());
    double networkx = f.number("louvainModularity");
    assertThat(m.modularity()).isGreaterThanOrEqualTo(networkx - 0.02);
    assertThat(m.modularity()).isCloseTo(independentModularity(f, m.community()), within(1e-9));
    // The kernel's modularity of NetworkX's own partition is NetworkX's number.
    assertThat(Louvain.modularity(g, f.ints("louvainCommunities"))).isCloseTo(networkx, within(1e-9));
  }

  /** Newman's modularity straight from the fixture's edge list, with maps: Σ_c L_c/m − (d_c/2m)². */
  private static double independentModularity(Fixture f, int[] community) {
    Map<Long, Double> undirected = new HashMap<>();
    for (var e : f.json().get("edges")) {
      int a = e.get(0).asInt();
      int b = e.get(1).asInt();
      if (a != b) {
        long key = (long) Math.min(a, b) << 32 | Math.max(a, b);
        undirected.merge(key, e.get(2).asDouble(), Double::sum);
      }
    }
    double m = 0;
    Map<Integer, Double> inside = new HashMap<>();
    Map<Integer, Double> degree = new HashMap<>();
    for (var entry : undirected.entrySet()) {
      int a = (int) (entry.getKey() >>> 32);
      int b = (int) (long) entry.getKey();
      double w = entry.getValue();
      m += w;
      degree.merge(community[a], w, Double::sum);
      degree.merge(community[b], w, Double::sum);
      if (community[a] == community[b]) {
        inside.merge(community[a], w, Double::sum);
      }
    }
    double q = 0;
    for (var entry : degree.entrySet()) {
      double d = entry.getValue() / (2 * m);
      q += inside.getOrDefault(entry.getKey(), 0.0) / m - d * d;
    }
    return q;
  }

  private static void assertClose(String graph, String metric, double[] actual, double[] expected) {
    assertThat(actual).as("%s %s length", graph, metric).hasSize(expected.length);
    for (int v = 0; v < expected.length; v++) {
      if (Double.isNaN(expected[v])) {
        assertThat(actual[v]).as("%s %s of node %d", graph, metric, v).isNaN();
      } else {
        assertThat(actual[v]).as("%s %s of node %d", graph, metric, v)
            .isCloseTo(expected[v], within(TOLERANCE));
      }
    }
  }
}
