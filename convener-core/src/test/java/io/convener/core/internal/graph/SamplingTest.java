package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Above the exact limit, betweenness and closeness are estimated, say so, and keep their bound. */
class SamplingTest {
  private static final InteractionGraph GRAPH = TestGraphs.heavyTailed(1500, 12000, 11);

  @Test
  void exactUpToTheLimitAndFlaggedAsSampledAboveIt() {
    GraphMetrics exact = GraphMetrics.compute(GRAPH, MetricOptions.defaults());
    assertThat(exact.betweennessExactness().exact()).isTrue();
    assertThat(exact.closenessExactness().exact()).isTrue();
    GraphMetrics sampled = GraphMetrics.compute(GRAPH, MetricOptions.defaults().withExactLimit(1000).withSamples(300));
    Exactness b = sampled.betweennessExactness();
    Exactness c = sampled.closenessExactness();
    assertThat(b.exact()).isFalse();
    assertThat(c.exact()).isFalse();
    assertThat(b.samples()).isBetween(300, 310);
    assertThat(b.errorBound()).isPositive().isLessThan(0.2);
    assertThat(c.errorBound()).isPositive().isLessThan(0.2);
    assertThat(b.method()).contains("sampled");
  }

  @Test
  void sampledEstimatesAreWithinTheStatedBoundOfExact() {
    GraphMetrics exact = GraphMetrics.compute(GRAPH, MetricOptions.defaults());
    GraphMetrics sampled = GraphMetrics.compute(GRAPH, MetricOptions.defaults().withExactLimit(1000).withSamples(300));
    double[] be = exact.betweenness();
    double[] bs = sampled.betweenness();
    double[] ce = exact.closeness();
    double[] cs = sampled.closeness();
    double bBound = sampled.betweennessExactness().errorBound();
    double cBound = sampled.closenessExactness().errorBound();
    double sumErr = 0;
    double sumExact = 0;
    for (int v = 0; v < be.length; v++) {
      assertThat(Math.abs(bs[v] - be[v])).as("betweenness of %d", v).isLessThanOrEqualTo(bBound);
      assertThat(Math.abs(cs[v] - ce[v])).as("closeness of %d", v).isLessThanOrEqualTo(cBound);
      sumErr += Math.abs(bs[v] - be[v]);
      sumExact += be[v];
    }
    // Unbiased and useful, not just inside a loose bound: total error well below total betweenness.
    assertThat(sumErr / sumExact).isLessThan(0.25);
  }
}
