package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Louvain and the triangle metrics run on threads of their own beside the other stages on graphs
 * above the threshold: the results must be the same bits as with every stage on the caller.
 */
class ConcurrentStagesTest {
  @Test
  void sideThreadsGiveTheSameBitsAsOneThread() {
    InteractionGraph g = TestGraphs.heavyTailed(4000, 40000, 17);
    assertThat(g.targets.length).isGreaterThan(50_000); // above the threshold: side threads run
    MetricOptions o = MetricOptions.defaults().withExactLimit(100).withSamples(40).withSeed(7);
    GraphMetrics side = GraphMetrics.compute(g, o, null, true);
    GraphMetrics inline = GraphMetrics.compute(g, o, null, false);
    assertThat(side.community()).containsExactly(inline.community());
    assertThat(side.modularity()).isEqualTo(inline.modularity());
    assertThat(side.clustering()).containsExactly(inline.clustering());
    assertThat(side.constraint()).containsExactly(inline.constraint());
    assertThat(side.effectiveSize()).containsExactly(inline.effectiveSize());
    assertThat(side.betweenness()).containsExactly(inline.betweenness());
    assertThat(side.closeness()).containsExactly(inline.closeness());
    assertThat(side.pageRank()).containsExactly(inline.pageRank());
    assertThat(side.eigenvector()).containsExactly(inline.eigenvector());
  }

  @Test
  void everyStageReportsWallAndCpuTime() {
    InteractionGraph g = TestGraphs.heavyTailed(4000, 40000, 3);
    GraphMetrics m = GraphMetrics.compute(g, MetricOptions.defaults().withExactLimit(100));
    assertThat(m.stageMillis().keySet()).containsExactly(
        "renumber", "pageRank", "shortestPaths", "eigenvector", "triangles", "louvain");
    assertThat(m.stageCpuMillis().keySet()).containsExactlyElementsOf(m.stageMillis().keySet());
    assertThat(m.stageMillis().values()).allSatisfy(v -> assertThat(v).isNotNegative());
    assertThat(m.stageCpuMillis().values()).allSatisfy(v -> assertThat(v).isNotNegative());
    assertThat(m.stageCpuMillis().get("shortestPaths")).isPositive();
  }
}
