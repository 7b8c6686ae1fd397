package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

/**
 * The shape of a cascade tree given as parent links in topological order: node 0 is the root and
 * every other node's parent comes before it ({@code parent[i] < i}). Every metric is computed in
 * one or two passes, O(n) time and memory; in particular structural virality (Goel, Anderson,
 * Hofman and Watts 2016), the mean shortest-path distance over all ordered pairs of distinct
 * nodes, comes from subtree sizes rather than from all pairs: an edge whose lower side holds
 * {@code s} of the {@code n} nodes lies on the paths of {@code s(n-s)} unordered pairs, so the
 * Wiener index is {@code W = Σ s(n-s)} over the edges and {@code ν = 2W / (n(n-1))}. Immutable.
 */
final class CascadeTree {
  private final int n;
  private final int[] depth;
  private final int maxDepth;
  private final int maxBreadth;
  private final int rootChildren;
  private final long wiener;

  /**
   * Measures the tree.
   *
   * @param parent {@code parent[0]} is ignored (the root); {@code 0 <= parent[i] < i} for every
   *     other node
   * @throws IllegalArgumentException when a parent link does not point to an earlier node
   */
  CascadeTree(int[] parent) {
    requireNonNull(parent, "parent");
    n = parent.length;
    if (n == 0) {
      throw new IllegalArgumentException("a cascade tree has at least its root");
    }
    depth = new int[n];
    int deepest = 0;
    int children = 0;
    for (int i = 1; i < n; i++) {
      int p = parent[i];
      if (p < 0 || p >= i) {
        throw new IllegalArgumentException("parent[" + i + "] must be in [0, " + i + "), got " + p);
      }
      depth[i] = depth[p] + 1;
      deepest = Math.max(deepest, depth[i]);
      if (p == 0) {
        children++;
      }
    }
    int[] perDepth = new int[deepest + 1];
    for (int i = 1; i < n; i++) {
      perDepth[depth[i]]++;
    }
    int broadest = 0;
    for (int d = 1; d <= deepest; d++) {
      broadest = Math.max(broadest, perDepth[d]);
    }
    long[] size = new long[n];
    long w = 0;
    for (int i = n - 1; i >= 1; i--) {
      size[i] += 1;
      w += size[i] * (n - size[i]);
      size[parent[i]] += size[i];
    }
    maxDepth = deepest;
    maxBreadth = broadest;
    rootChildren = children;
    wiener = w;
  }

  /** Nodes, the root included. */
  int size() {
    return n;
  }

  /** Generations between the root and node {@code i}. */
  int depth(int i) {
    return depth[i];
  }

  /** The greatest depth of any node; 0 for the root alone. */
  int maxDepth() {
    return maxDepth;
  }

  /** The most nodes at one depth below the root; 0 for the root alone. */
  int maxBreadth() {
    return maxBreadth;
  }

  /** The share of non-root nodes whose parent is the root; 0 for the root alone. */
  double broadcastShare() {
    return n == 1 ? 0.0 : (double) rootChildren / (n - 1);
  }

  /** The Wiener index: the sum of distances over unordered pairs of nodes. */
  long wienerIndex() {
    return wiener;
  }

  /** Mean distance over ordered pairs of distinct nodes, 2W / (n(n-1)); 0 for the root alone. */
  double structuralVirality() {
    return n < 2 ? 0.0 : 2.0 * wiener / ((double) n * (n - 1));
  }
}
