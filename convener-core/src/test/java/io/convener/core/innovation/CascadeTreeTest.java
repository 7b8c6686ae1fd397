package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Structural virality and the shape metrics against closed forms and hand calculations (Goel,
 * Anderson, Hofman and Watts 2016: ν = mean shortest-path distance over all pairs of nodes).
 */
class CascadeTreeTest {
  @Test
  void starOfNNodesHasVirality2nMinus1OverN() {
    for (int n : new int[] {2, 3, 10, 57}) {
      CascadeTree star = new CascadeTree(star(n));
      assertThat(star.structuralVirality()).as("star of %d", n).isCloseTo(2.0 * (n - 1) / n, within(1e-12));
      assertThat(star.maxDepth()).isEqualTo(1);
      assertThat(star.maxBreadth()).isEqualTo(n - 1);
      assertThat(star.broadcastShare()).isEqualTo(1.0);
    }
  }

  @Test
  void pathOfNNodesHasViralityNPlus1OverThree() {
    for (int n : new int[] {2, 3, 10, 58}) {
      CascadeTree path = new CascadeTree(path(n));
      assertThat(path.structuralVirality()).as("path of %d", n).isCloseTo((n + 1) / 3.0, within(1e-12));
      assertThat(path.maxDepth()).isEqualTo(n - 1);
      assertThat(path.maxBreadth()).isEqualTo(1);
      assertThat(path.broadcastShare()).isCloseTo(1.0 / (n - 1), within(1e-12));
    }
  }

  /**
   * Complete binary tree of depth 3 (15 nodes). By hand: the 2 edges below the root each split 7
   * from 8 nodes (2 × 56), the 4 next edges 3 from 12 (4 × 36), the 8 leaf edges 1 from 14 (8 ×
   * 14): Wiener index 112 + 144 + 112 = 368, ν = 2 × 368 / (15 × 14) = 3.5048 (NetworkX 3.6.1
   * average_shortest_path_length(balanced_tree(2, 3)) = 3.5047619…).
   */
  @Test
  void completeBinaryTreeOfDepthThree() {
    int[] parent = new int[15];
    for (int i = 1; i < 15; i++) {
      parent[i] = (i - 1) / 2;
    }
    CascadeTree tree = new CascadeTree(parent);
    assertThat(tree.wienerIndex()).isEqualTo(368);
    assertThat(tree.structuralVirality()).isCloseTo(3.5048, within(5e-5));
    assertThat(tree.structuralVirality()).isCloseTo(736.0 / 210.0, within(1e-12));
    assertThat(tree.maxDepth()).isEqualTo(3);
    assertThat(tree.maxBreadth()).isEqualTo(8);
    assertThat(tree.broadcastShare()).isCloseTo(2.0 / 14, within(1e-12));
  }

  /** A cascade of 100 000 adoptions: the linear algorithm against the closed forms (no timing). */
  @Test
  void hundredThousandAdoptionsMatchTheClosedForms() {
    int n = 100_001;
    assertThat(new CascadeTree(path(n)).structuralVirality()).isCloseTo((n + 1) / 3.0, within(1e-6));
    assertThat(new CascadeTree(star(n)).structuralVirality()).isCloseTo(2.0 * (n - 1) / n, within(1e-12));
    assertThat(new CascadeTree(path(n)).maxDepth()).isEqualTo(n - 1);
  }

  /** Random trees against an independent all-pairs breadth-first search. */
  @Test
  void randomTreesAgreeWithAllPairsBreadthFirstSearch() {
    Random random = new Random(20160101L);
    for (int trial = 0; trial < 25; trial++) {
      int n = 2 + random.nextInt(60);
      int[] parent = new int[n];
      for (int i = 1; i < n; i++) {
        parent[i] = random.nextInt(i);
      }
      assertThat(new CascadeTree(parent).structuralVirality()).isCloseTo(allPairsMean(parent), within(1e-12));
    }
  }

  @Test
  void aLoneRootAndBadLinks() {
    CascadeTree root = new CascadeTree(new int[] {-1});
    assertThat(root.structuralVirality()).isZero();
    assertThat(root.maxBreadth()).isZero();
    assertThat(root.broadcastShare()).isZero();
    assertThatThrownBy(() -> new CascadeTree(new int[] {-1, 1})).hasMessageContaining("parent[1]");
    assertThatThrownBy(() -> new CascadeTree(new int[0])).isInstanceOf(IllegalArgumentException.class);
  }

  static int[] star(int n) {
    int[] parent = new int[n];
    parent[0] = -1;
    return parent;
  }

  static int[] path(int n) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i - 1;
    }
    return parent;
  }

  private static double allPairsMean(int[] parent) {
    int n = parent.length;
    List<List<Integer>> adjacency = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adjacency.add(new ArrayList<>());
    }
    for (int i = 1; i < n; i++) {
      adjacency.get(i).add(parent[i]);
      adjacency.get(parent[i]).add(i);
    }
    long total = 0;
    for (int s = 0; s < n; s++) {
      int[] dist = new int[n];
      Arrays.fill(dist, -1);
      dist[s] = 0;
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
      while (!queue.isEmpty()) {
        int v = queue.poll();
        for (int w : adjacency.get(v)) {
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            total += dist[w];
            queue.add(w);
          }
        }
      }
    }
    return (double) total / ((double) n * (n - 1));
  }
}
