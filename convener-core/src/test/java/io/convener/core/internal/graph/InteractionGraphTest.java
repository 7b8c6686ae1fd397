package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compressed rows: directed and undirected views, merging, and bad input. */
class InteractionGraphTest {
  @Test
  void parallelEdgesAreSummedSelfLoopsIgnoredAndBothViewsAgree() {
    InteractionGraph g = InteractionGraph.builder(4)
        .add(0, 1, 1.5).add(0, 1, 2.0).add(1, 0, 0.25).add(2, 2, 7).add(3, 1, 1).add(0, 3, 0.5)
        .build();
    assertThat(g.nodeCount()).isEqualTo(4);
    assertThat(g.directedEdgeCount()).isEqualTo(4); // 0->1, 1->0, 3->1, 0->3
    assertThat(g.undirectedEdgeCount()).isEqualTo(3); // {0,1}, {1,3}, {0,3}
    assertThat(g.weight(0, 1)).isEqualTo(3.5);
    assertThat(g.weight(1, 0)).isEqualTo(0.25);
    assertThat(g.weight(1, 3)).isZero();
    assertThat(g.weight(2, 2)).isZero();
    assertThat(g.outWeight(0)).isEqualTo(4.0);
    assertThat(g.outWeight(1)).isEqualTo(0.25);
    assertThat(g.strength(0)).isEqualTo(4.25);
    assertThat(g.strength(1)).isEqualTo(4.75);
    assertThat(g.degree(0)).isEqualTo(2);
    assertThat(g.degree(2)).isZero();
    List<String> seen = new ArrayList<>();
    g.forEachNeighbour(1, (nb, w) -> seen.add(nb + ":" + w));
    assertThat(seen).containsExactly("0:3.75", "3:1.0");
    assertThat(g.estimatedHeapBytes()).isPositive();
  }

  @Test
  void rowsOfAGeneratedGraphAreSortedAndMirrorEachOther() {
    InteractionGraph g = TestGraphs.heavyTailed(500, 5000, 3);
    long entries = 0;
    for (int a = 0; a < g.nodeCount(); a++) {
      int[] last = {-1};
      int node = a;
      g.forEachNeighbour(a, (b, w) -> {
        assertThat(b).isGreaterThan(last[0]);
        last[0] = b;
        assertThat(w).isEqualTo(g.weight(node, b) + g.weight(b, node));
      });
      entries += g.degree(a);
    }
    assertThat(entries).isEqualTo(2 * g.undirectedEdgeCount());
    // At most 32 bytes of heap per directed edge.
    assertThat((double) g.estimatedHeapBytes() / g.directedEdgeCount()).isLessThan(32);
  }

  @Test
  void badWeightsAndNodesAreRejectedNamingTheField() {
    InteractionGraph.Builder b = InteractionGraph.builder(3);
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> b.add(0, 1, bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
    }
    assertThatThrownBy(() -> b.add(3, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(() -> b.add(0, -1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> b.add(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> InteractionGraph.builder(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodeCount");
  }

  @Test
  void aBuilderIsSingleUse() {
    InteractionGraph.Builder b = InteractionGraph.builder(2).add(0, 1, 1);
    b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.add(0, 1, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nodesOutsideTheGraphAreRejectedByAccessors() {
    InteractionGraph g = InteractionGraph.builder(2).add(0, 1, 1).build();
    assertThatThrownBy(() -> g.degree(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> g.weight(0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
