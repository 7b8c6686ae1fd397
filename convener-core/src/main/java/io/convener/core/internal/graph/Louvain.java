package io.convener.core.internal.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Louvain community detection (Blondel et al. 2008) on the undirected weighted graph, resolution
 * 1, as NetworkX's {@code louvain_communities}: local moving of nodes (in a seeded random order)
 * to the neighbouring community of largest modularity gain until a pass moves nothing, then
 * aggregation of communities into nodes; stops when a level improves modularity by less than
 * {@value #THRESHOLD}. Every level is kept in compressed sparse rows of primitive arrays.
 */
public final class Louvain {
  static final double THRESHOLD = 1e-7;
  private static final int REFINEMENTS = 1;
  /** Refinement pays on small graphs; on large ones it costs about a third more time. */
  private static final int REFINE_UP_TO = 50_000;

  private Louvain() {}

  /** Community index per node, numbered 0.. in order of each community's smallest node. */
  public static int[] communities(InteractionGraph g, long seed) {
    int n = g.n;
    int[] result = new int[n];
    for (int v = 0; v < n; v++) {
      result[v] = v;
    }
    if (n == 0 || g.targets.length == 0) {
      return result;
    }
    Level base = Level.of(g);
    SplittableRandom random = new SplittableRandom(seed);
    levels(base, random, result);
    // Multi-level refinement (Rotta and Noack 2011), up to 50,000 nodes: move single nodes again
    // from the final partition, and if any moved, run the levels again from the refined partition.
    int rounds = n <= REFINE_UP_TO ? REFINEMENTS : 0;
    for (int round = 0; round < rounds; round++) {
      int[] refined = result.clone();
      double before = base.modularity(result);
      if (!base.moveNodes(random, refined)) {
        break;
      }
      int count = renumber(refined);
      int[] coarse = refined.clone();
      Level next = base.aggregate(refined, count);
      int[] top = identity(count);
      levels(next, random, top);
      for (int v = 0; v < n; v++) {
        coarse[v] = top[refined[v]];
      }
      renumber(coarse);
      if (base.modularity(coarse) - before <= THRESHOLD) {
        break;
      }
      System.arraycopy(coarse, 0, result, 0, n);
    }
    renumber(result);
    return result;
  }

  /**
   * NetworkX's {@code modularity(G, communities, weight='weight')} at resolution 1: Σ_c L_c/m −
   * (d_c/2m)², with L_c the weight inside c, d_c its total strength and m the total weight.
   *
   * @throws IllegalArgumentException if the graph has no edges or the partition has the wrong length
   */
  public static double modularity(InteractionGraph g, int[] community) {
    if (community.length != g.n) {
      throw new IllegalArgumentException(
          "community: length " + community.length + " but the graph has " + g.n + " nodes");
    }
    return Level.of(g).modularity(community);
  }

  /**
   * Louvain's levels from {@code level}: {@code labels} maps original nodes to nodes of {@code
   * level} and is updated to map them to the final communities.
   */
  private static void levels(Level start, SplittableRandom random, int[] labels) {
    Level level = start;
    double modularity = level.modularity(identity(level.n));
    while (true) {
      int[] comm = level.moveNodes(random);
      int count = renumber(comm);
      if (count == level.n) {
        return;
      }
      for (int v = 0; v < labels.length; v++) {
        labels[v] = comm[labels[v]];
      }
      Level next = level.aggregate(comm, count);
      double q = next.modularity(identity(next.n));
      level = next;
      if (q - modularity <= THRESHOLD) {
        return;
      }
      modularity = q;
    }
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  /** Renumbers labels in place to 0.. in order of first appearance; returns the count. */
  static int renumber(int[] labels) {
    int max = 0;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    int[] map = new int[max + 1];
    Arrays.fill(map, -1);
    int count = 0;
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (map[l] < 0) {
        map[l] = count++;
      }
      labels[i] = map[l];
    }
    return count;
  }
}
