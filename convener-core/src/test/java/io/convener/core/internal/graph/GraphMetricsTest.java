package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Degenerate graphs, reasons instead of silent zeros, warm starts, determinism. */
class GraphMetricsTest {
  @Test
  void twoTrianglesJoinedByABridgeMatchHandCalculation() {
    // {0,1,2} and {3,4,5} joined by 2-3. By hand: broker 2 lies on the only path of the 6 pairs
    // {0,1}x{3,4,5}, out of the C(5,2) = 10 pairs without it: betweenness 0.6. Its
    // proportional ties are 1/3 each and 0 and 1 have p = 1/2: constraint(2) = 2·(1/3 + 1/3·1/2)²
    // + (1/3)² = 0.6111, effective size(2) = 3 − 1/3 − 1/3 = 2.333.
    InteractionGraph.Builder b = InteractionGraph.builder(6);
    int[][] ties = {{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}, {2, 3}};
    for (int[] t : ties) {
      b.add(t[0], t[1], 1);
    }
    GraphMetrics m = GraphMetrics.compute(b.build(), MetricOptions.defaults());
    assertThat(m.betweenness()[2]).isCloseTo(0.6, within(1e-12));
    assertThat(m.betweenness()[0]).isCloseTo(0.0, within(1e-12));
    assertThat(m.constraint()[2]).isCloseTo(2 * Math.pow(1.0 / 3 + 1.0 / 6, 2) + 1.0 / 9, within(1e-12));
    assertThat(m.effectiveSize()[2]).isCloseTo(3 - 2.0 / 3, within(1e-12));
    // Node 0: p = 1/2 to 1 and 2; to 1: 1/2 + 1/2·p(2,1) = 2/3; to 2: 1/2 + 1/2·p(1,2) = 3/4.
    assertThat(m.constraint()[0]).isCloseTo(4.0 / 9 + 9.0 / 16, within(1e-12));
    assertThat(m.effectiveSize()[0]).isCloseTo(1.0, within(1e-12));
    assertThat(m.clustering()[2]).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.community()).containsExactly(0, 0, 0, 1, 1, 1);
    // Two communities of 3 edges each, one bridge, m = 7: 2·(3/7 − (7/14)²) = 0.357142...
    assertThat(m.modularity()).isCloseTo(2 * (3.0 / 7 - 0.25), within(1e-12));
  }

  @Test
  void anEmptyGraphHasEmptyMetricsAndSaysWhyThereAreNoCommunities() {
    GraphMetrics m = GraphMetrics.compute(InteractionGraph.builder(0).build(), MetricOptions.defaults());
    assertThat(m.pageRank()).isEmpty();
    assertThat(m.betweenness()).isEmpty();
    assertThat(m.community()).isEmpty();
    assertThat(m.modularity()).isNaN();
    assertThat(m.unavailable(Metric.COMMUNITY)).hasValueSatisfying(r -> assertThat(r).contains("without edges"));
    assertThat(m.unavailable(Metric.EIGENVECTOR)).hasValueSatisfying(r -> assertThat(r).contains("without nodes"));
  }

  @Test
  void aSingleNodeHasRankOneAndUndefinedBrokerage() {
    GraphMetrics m = GraphMetrics.compute(InteractionGraph.builder(1).build(), MetricOptions.defaults());
    assertThat(m.pageRank()).containsExactly(1.0);
    assertThat(m.betweenness()).containsExactly(0.0);
    assertThat(m.closeness()).containsExactly(0.0);
    assertThat(m.eigenvector()).containsExactly(1.0);
    assertThat(m.constraint()[0]).isNaN();
    assertThat(m.effectiveSize()[0]).isNaN();
    assertThat(m.clustering()).containsExactly(0.0);
    assertThat(m.community()).containsExactly(0);
    assertThat(m.unavailable(Metric.COMMUNITY)).isPresent();
    assertThat(m.unavailable(Metric.PAGERANK)).isEmpty();
  }

  @Test
  void aMetricThatDoesNotConvergeSaysWhyAndIsNaNNotZero() {
    InteractionGraph g = TestGraphs.heavyTailed(200, 2000, 1);
    GraphMetrics m = GraphMetrics.compute(g, MetricOptions.defaults().withMaxIterations(2));
    assertThat(m.unavailable(Metric.EIGENVECTOR)).hasValueSatisfying(r -> assertThat(r).contains("did not converge"));
    assertThat(m.unavailable(Metric.PAGERANK)).hasValueSatisfying(r -> assertThat(r).contains("did not converge"));
    assertThat(java.util.Arrays.stream(m.eigenvector()).allMatch(Double::isNaN)).isTrue();
    assertThat(java.util.Arrays.stream(m.pageRank()).allMatch(Double::isNaN)).isTrue();
    assertThat(m.unavailable(Metric.BETWEENNESS)).isEmpty();
  }

  @Test
  void aWarmStartConvergesFasterToTheSameRanks() {
    InteractionGraph g = TestGraphs.heavyTailed(2000, 20000, 5);
    MetricOptions o = MetricOptions.defaults().withExactLimit(0).withSamples(10);
    GraphMetrics cold = GraphMetrics.compute(g, o);
    GraphMetrics warm = GraphMetrics.compute(g, o, cold.pageRank());
    assertThat(warm.pageRankIterations()).isLessThan(cold.pageRankIterations() / 2);
    double[] a = cold.pageRank();
    double[] b = warm.pageRank();
    for (int v = 0; v < a.length; v++) {
      assertThat(b[v]).isCloseTo(a[v], within(1e-9));
    }
    assertThatThrownBy(() -> GraphMetrics.compute(g, MetricOptions.defaults(), new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageRankWarmStart");
  }

  @Test
  void equalSeedsGiveEqualResults() {
    InteractionGraph g = TestGraphs.heavyTailed(3000, 30000, 9);
    MetricOptions o = MetricOptions.defaults().withExactLimit(100).withSamples(50).withSeed(42);
    GraphMetrics a = GraphMetrics.compute(g, o);
    GraphMetrics b = GraphMetrics.compute(g, o);
    assertThat(b.betweenness()).containsExactly(a.betweenness());
    assertThat(b.closeness()).containsExactly(a.closeness());
    assertThat(b.community()).containsExactly(a.community());
    assertThat(b.pageRank()).containsExactly(a.pageRank());
  }

  @Test
  void onlyTheMetricsAskedForAreComputedAndTheOthersSaySo() {
    InteractionGraph g = TestGraphs.heavyTailed(3000, 30000, 9);
    MetricOptions o = MetricOptions.defaults().withExactLimit(100).withSamples(50).withSeed(42);
    GraphMetrics all = GraphMetrics.compute(g, o);
    GraphMetrics some = GraphMetrics.compute(g, o, null,
        java.util.EnumSet.of(Metric.PAGERANK, Metric.BETWEENNESS, Metric.CONSTRAINT, Metric.COMMUNITY));
    // What was asked for is what a full computation gives, to the bit.
    assertThat(some.pageRank()).containsExactly(all.pageRank());
    assertThat(some.betweenness()).containsExactly(all.betweenness());
    assertThat(some.constraint()).containsExactly(all.constraint());
    assertThat(some.community()).containsExactly(all.community());
    assertThat(some.degree()).containsExactly(all.degree());
    // Computed along with them: closeness with betweenness, clustering with constraint.
    assertThat(some.closeness()).containsExactly(all.closeness());
    assertThat(some.clustering()).containsExactly(all.clustering());
    assertThat(some.unavailable(Metric.CLOSENESS)).isEmpty();
    // Not asked for: NaN and a reason, never zero.
    assertThat(some.unavailable(Metric.EIGENVECTOR)).hasValue(GraphMetrics.NOT_ASKED);
    assertThat(java.util.Arrays.stream(some.eigenvector()).allMatch(Double::isNaN)).isTrue();
    assertThat(some.stageMillis()).doesNotContainKey("eigenvector").containsKey("shortestPaths");

    GraphMetrics none = GraphMetrics.compute(g, o, null, java.util.EnumSet.noneOf(Metric.class));
    assertThat(none.degree()).containsExactly(all.degree());
    assertThat(none.stageMillis()).containsOnlyKeys("renumber");
    for (Metric m : new Metric[] {Metric.PAGERANK, Metric.BETWEENNESS, Metric.CLOSENESS, Metric.EIGENVECTOR,
        Metric.CONSTRAINT, Metric.EFFECTIVE_SIZE, Metric.CLUSTERING, Metric.COMMUNITY}) {
      assertThat(none.unavailable(m)).as(m.name()).hasValue(GraphMetrics.NOT_ASKED);
    }
    assertThat(none.community()).containsOnly(-1);
    assertThat(none.betweennessExactness().exact()).isFalse();
    assertThatThrownBy(() -> GraphMetrics.compute(g, o, null, null)).hasMessageContaining("wanted");
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> MetricOptions.defaults().withSamples(0)).hasMessageContaining("samples");
    assertThatThrownBy(() -> MetricOptions.defaults().withExactLimit(-1)).hasMessageContaining("exactLimit");
    assertThatThrownBy(() -> MetricOptions.defaults().withTolerance(0)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> MetricOptions.defaults().withMaxIterations(0)).hasMessageContaining("maxIterations");
  }
}
