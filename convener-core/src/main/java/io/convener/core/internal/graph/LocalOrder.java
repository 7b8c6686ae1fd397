package io.convener.core.internal.graph;

/**
 * A copy of the rows of a graph, renumbered in breadth-first order, with the distance 1/w of
 * every entry: neighbours get nearby numbers, so the shortest-path runs that read per-node arrays
 * at every edge find them in cache far more often than in the caller's numbering. Costs 12 bytes
 * per entry while betweenness and closeness run.
 */
record LocalOrder(int[] toNew, int[] toOld, int[] offsets, int[] targets, double[] length) {
  /** The rows as they are, with their distances: for a graph that is already in local order. */
  static LocalOrder identity(InteractionGraph g) {
    int[] id = new int[g.n];
    for (int v = 0; v < g.n; v++) {
      id[v] = v;
    }
    double[] length = new double[g.targets.length];
    for (int e = 0; e < length.length; e++) {
      length[e] = 1.0 / g.undirected(e);
    }
    return new LocalOrder(id, id, g.offsets, g.targets, length);
  }

  /** Breadth-first numbering: {@code [toNew, toOld]}. */
  static int[][] numbering(InteractionGraph g) {
    int n = g.n;
    int[] toNew = new int[n];
    int[] toOld = new int[n];
    java.util.Arrays.fill(toNew, -1);
    int next = 0;
    for (int root = 0; root < n; root++) {
      if (toNew[root] >= 0) {
        continue;
      }
      int head = next;
      toNew[root] = next;
      toOld[next++] = root;
      while (head < next) {
        int v = toOld[head++];
        for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
          int w = g.targets[e];
          if (toNew[w] < 0) {
            toNew[w] = next;
            toOld[next++] = w;
          }
        }
      }
    }
    return new int[][] {toNew, toOld};
  }

  static LocalOrder of(InteractionGraph g) {
    int[][] numbering = numbering(g);
    int[] toNew = numbering[0];
    int[] toOld = numbering[1];
    int n = g.n;
    int[] offsets = new int[n + 1];
    int entries = g.targets.length;
    int[] targets = new int[entries];
    double[] length = new double[entries];
    int k = 0;
    for (int nv = 0; nv < n; nv++) {
      int v = toOld[nv];
      for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
        targets[k] = toNew[g.targets[e]];
        length[k++] = 1.0 / g.undirected(e);
      }
      offsets[nv + 1] = k;
    }
    return new LocalOrder(toNew, toOld, offsets, targets, length);
  }

  /**
   * The same graph with node v renumbered {@code toNew[v]} ({@code toOld} its inverse), in linear
   * time: the rows are symmetric, so visiting the old rows in new order and appending each one's
   * number to the rows of its neighbours fills every new row already sorted, with the two
   * directions of each entry swapped. The result is the graph the builder would give.
   */
  static InteractionGraph relabel(InteractionGraph g, int[] toNew, int[] toOld) {
    int n = g.n;
    int[] offsets = new int[n + 1];
    for (int nv = 0; nv < n; nv++) {
      int v = toOld[nv];
      offsets[nv + 1] = offsets[nv] + g.offsets[v + 1] - g.offsets[v];
    }
    int entries = g.targets.length;
    int[] targets = new int[entries];
    float[] out = new float[entries];
    float[] in = new float[entries];
    int[] cursor = java.util.Arrays.copyOf(offsets, n);
    for (int nu = 0; nu < n; nu++) {
      int u = toOld[nu];
      for (int e = g.offsets[u], end = g.offsets[u + 1]; e < end; e++) {
        int k = cursor[toNew[g.targets[e]]]++;
        targets[k] = nu;
        out[k] = g.in[e];
        in[k] = g.out[e];
      }
    }
    return new InteractionGraph(n, offsets, targets, out, in);
  }

  /** {@code values} indexed by new numbers, returned indexed by the caller's. */
  double[] toOldOrder(double[] values) {
    return toOldOrder(values, toOld);
  }

  static double[] toOldOrder(double[] values, int[] toOld) {
    double[] out = new double[values.length];
    for (int nv = 0; nv < values.length; nv++) {
      out[toOld[nv]] = values[nv];
    }
    return out;
  }
}
