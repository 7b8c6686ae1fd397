package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Setting a few weights on a built graph equals building the changed graph from scratch. */
class WithWeightsTest {
  @Test
  void aSmallPatchSetsChangedWeightsAndJoinsNewPairs() {
    InteractionGraph g = InteractionGraph.builder(5).add(0, 1, 1).add(1, 0, 2).add(3, 4, 1).build();

    InteractionGraph p = g.withWeights(new int[] {0, 2, 2, 4}, new int[] {1, 0, 2, 3}, new double[] {5, 0.5, 9, 3}, 4);

    assertThat(p.weight(0, 1)).isEqualTo(5); // replaced, not added to
    assertThat(p.weight(1, 0)).isEqualTo(2); // kept
    assertThat(p.weight(2, 0)).isEqualTo(0.5); // new pair
    assertThat(p.weight(2, 2)).isZero(); // self-loop ignored
    assertThat(p.weight(4, 3)).isEqualTo(3);
    assertThat(p.undirectedEdgeCount()).isEqualTo(3);
    assertThat(p.directedEdgeCount()).isEqualTo(5);
    assertThat(p.strength(0)).isEqualTo(7.5);
    assertThat(g.weight(0, 1)).as("the original is unchanged").isEqualTo(1);
    assertThat(g.weight(2, 0)).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 40, 300})
  void patchedGraphsEqualGraphsBuiltFromTheFinalWeights(int changes) {
    SplittableRandom r = new SplittableRandom(changes * 31L + 5);
    int n = 200;
    Map<Long, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < 1500; i++) {
      int a = r.nextInt(n);
      int b = Math.min(n - 1, (int) (n * Math.pow(r.nextDouble(), 3)));
      if (a != b) {
        weights.merge(((long) a << 32) | b, 1.0 + r.nextInt(4), Double::sum);
      }
    }
    InteractionGraph base = build(n, weights);
    int[] from = new int[changes + 1];
    int[] to = new int[changes + 1];
    double[] w = new double[changes + 1];
    Long[] existing = weights.keySet().toArray(Long[]::new);
    for (int i = 0; i < changes; i++) {
      long k = r.nextBoolean() ? existing[r.nextInt(existing.length)] : ((long) r.nextInt(n) << 32) | r.nextInt(n);
      from[i] = (int) (k >>> 32);
      to[i] = (int) k;
      w[i] = 0.25 + r.nextInt(20);
      if (from[i] != to[i]) {
        weights.put(k, w[i]);
      }
    }
    from[changes] = 3; // beyond count: ignored
    to[changes] = 4;
    w[changes] = 99;

    InteractionGraph patched = base.withWeights(from, to, w, changes);
    InteractionGraph built = build(n, weights);

    assertThat(patched.offsets).isEqualTo(built.offsets);
    assertThat(patched.targets).isEqualTo(built.targets);
    assertThat(patched.out).isEqualTo(built.out);
    assertThat(patched.in).isEqualTo(built.in);
    assertThat(patched.outWeight).isEqualTo(built.outWeight);
    assertThat(patched.strength).isEqualTo(built.strength);
    assertThat(patched.directedEdgeCount()).isEqualTo(built.directedEdgeCount());
  }

  @Test
  void badChangesAreRejectedNamingTheArrayAndIndex() {
    InteractionGraph g = InteractionGraph.builder(3).add(0, 1, 1).build();

    assertThatThrownBy(() -> g.withWeights(new int[] {0, 3}, new int[] {1, 1}, new double[] {1, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("from[1]: node 3 outside [0, 3)");
    assertThatThrownBy(() -> g.withWeights(new int[] {0}, new int[] {-1}, new double[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("to[0]: node -1 outside [0, 3)");
    assertThatThrownBy(() -> g.withWeights(new int[] {0}, new int[] {2}, new double[] {0}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[0]: must be positive and finite");
    assertThatThrownBy(() -> g.withWeights(new int[] {0}, new int[] {2}, new double[] {Double.NaN}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[0]");
    assertThatThrownBy(() -> g.withWeights(new int[] {0}, new int[] {2}, new double[] {1}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count 2");
  }

  private static InteractionGraph build(int n, Map<Long, Double> weights) {
    InteractionGraph.Builder b = InteractionGraph.builder(n);
    weights.forEach((k, w) -> b.add((int) (k >>> 32), (int) (long) k, w));
    return b.build();
  }
}
