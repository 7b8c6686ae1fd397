package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The breadth-first renumbering gives exactly the graph the builder gives for the new numbers. */
class LocalOrderTest {
  @Test
  void relabelEqualsRebuildingWithNewNumbers() {
    InteractionGraph g = TestGraphs.heavyTailed(700, 6000, 11);
    int[][] numbering = LocalOrder.numbering(g);
    int[] toNew = numbering[0];
    int[] toOld = numbering[1];
    InteractionGraph fast = LocalOrder.relabel(g, toNew, toOld);
    InteractionGraph.Builder b = InteractionGraph.builder(g.n);
    for (int a = 0; a < g.n; a++) {
      for (int e = g.offsets[a]; e < g.offsets[a + 1]; e++) {
        if (g.out[e] > 0) {
          b.add(toNew[a], toNew[g.targets[e]], g.out[e]);
        }
      }
    }
    InteractionGraph rebuilt = b.build();
    assertThat(toNew).isNotEqualTo(identity(g.n)); // the test renumbers something
    assertThat(fast.offsets).isEqualTo(rebuilt.offsets);
    assertThat(fast.targets).isEqualTo(rebuilt.targets);
    assertThat(fast.out).isEqualTo(rebuilt.out);
    assertThat(fast.in).isEqualTo(rebuilt.in);
    assertThat(fast.strength).isEqualTo(rebuilt.strength);
    assertThat(fast.outWeight).isEqualTo(rebuilt.outWeight);
    assertThat(fast.directedEdgeCount()).isEqualTo(g.directedEdgeCount());
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }
}
