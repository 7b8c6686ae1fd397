package io.convener.core.internal.graph;

import java.util.SplittableRandom;

/** Seeded random graphs for the kernel's tests. */
final class TestGraphs {
  private TestGraphs() {}

  /**
   * A heavy-tailed directed graph: each of {@code edges} interactions goes from a node drawn with
   * probability proportional to (i+1)^-0.8 to a uniformly random one, weight 1..3.
   */
  static InteractionGraph heavyTailed(int n, int edges, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.pow(i + 1, -0.8);
      cumulative[i] = sum;
    }
    InteractionGraph.Builder b = InteractionGraph.builder(n, edges);
    for (int e = 0; e < edges; e++) {
      int i = java.util.Arrays.binarySearch(cumulative, r.nextDouble() * sum);
      int from = i < 0 ? Math.min(n - 1, -i - 1) : i;
      int to = r.nextInt(n);
      b.add(from, to, 1 + r.nextInt(3));
    }
    return b.build();
  }
}
