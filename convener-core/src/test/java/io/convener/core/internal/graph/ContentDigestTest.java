package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The content digest that stored champion structures are keyed by: equal for the same graph
 * however its edges were added, different as soon as one weight, edge, direction or node differs.
 */
class ContentDigestTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theDigestFollowsTheGraphNotHowItWasBuilt(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 40 + r.nextInt(40);
    int edges = 200 + r.nextInt(200);
    int[] from = new int[edges];
    int[] to = new int[edges];
    double[] w = new double[edges];
    for (int i = 0; i < edges; i++) {
      from[i] = r.nextInt(n);
      to[i] = r.nextInt(n);
      w[i] = 0.5 + r.nextInt(4);
    }
    InteractionGraph forward = build(n, from, to, w, -1, 0);
    InteractionGraph.Builder b = InteractionGraph.builder(n);
    for (int i = edges - 1; i >= 0; i--) {
      b.add(from[i], to[i], w[i]);
    }
    InteractionGraph backward = b.build();
    assertThat(backward.contentDigest()).as("seed %d", seed).isEqualTo(forward.contentDigest());

    int k = firstEdge(from, to);
    assertThat(build(n, from, to, w, k, 0.25).contentDigest()).as("one weight, seed %d", seed)
        .isNotEqualTo(forward.contentDigest());
    InteractionGraph reversed = build(n, to, from, w, -1, 0);
    assertThat(reversed.contentDigest()).as("directions, seed %d", seed).isNotEqualTo(forward.contentDigest());
    assertThat(build(n + 1, from, to, w, -1, 0).contentDigest()).as("one more node, seed %d", seed)
        .isNotEqualTo(forward.contentDigest());
    int[] absent = absentPair(forward);
    InteractionGraph extra = forward.withWeights(new int[] {absent[0]}, new int[] {absent[1]}, new double[] {1}, 1);
    assertThat(extra.contentDigest()).as("one more edge, seed %d", seed).isNotEqualTo(forward.contentDigest());
  }

  private static InteractionGraph build(int n, int[] from, int[] to, double[] w, int bumped, double by) {
    InteractionGraph.Builder b = InteractionGraph.builder(n);
    for (int i = 0; i < from.length; i++) {
      b.add(from[i], to[i], w[i] + (i == bumped ? by : 0));
    }
    return b.build();
  }

  private static int[] absentPair(InteractionGraph g) {
    for (int a = 0; a < g.nodeCount(); a++) {
      for (int b = 0; b < g.nodeCount(); b++) {
        if (a != b && g.weight(a, b) == 0) {
          return new int[] {a, b};
        }
      }
    }
    throw new IllegalStateException("a complete graph");
  }

  private static int firstEdge(int[] from, int[] to) {
    for (int i = 0; i < from.length; i++) {
      if (from[i] != to[i]) {
        return i;
      }
    }
    throw new IllegalStateException("no edge");
  }
}
