package io.convener.core.internal.graph;

/**
 * Turns a list of directed weighted edges into the sorted, merged rows of {@link
 * InteractionGraph} in linear time: every edge a→b gives an entry (row a, neighbour b, out) and an
 * entry (row b, neighbour a, in); a counting sort by neighbour followed by a stable counting sort
 * by row leaves each row sorted by neighbour, and duplicates are then merged by summing.
 */
final class CsrAssembler {
  private CsrAssembler() {}

  static InteractionGraph assemble(int n, int[] from, int[] to, double[] w, int m) {
    int[] start = new int[n + 1];
    for (int e = 0; e < m; e++) {
      start[from[e] + 1]++;
      start[to[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int total = 2 * m;
    // Pass 1: entries in order of their neighbour.
    int[] byNeighbour = new int[total];
    int[] cursor = start.clone();
    for (int e = 0; e < m; e++) {
      byNeighbour[cursor[to[e]]++] = e << 1; // row from, neighbour to
      byNeighbour[cursor[from[e]]++] = (e << 1) | 1; // row to, neighbour from
    }
    // Pass 2, stable by row: rows come out sorted by neighbour.
    int[] byRow = new int[total];
    System.arraycopy(start, 0, cursor, 0, n + 1);
    for (int i = 0; i < total; i++) {
      int code = byNeighbour[i];
      int e = code >>> 1;
      int row = (code & 1) == 0 ? from[e] : to[e];
      byRow[cursor[row]++] = code;
    }
    byNeighbour = null;
    // Count distinct neighbours per row.
    int[] offsets = new int[n + 1];
    for (int a = 0; a < n; a++) {
      int distinct = 0;
      int last = -1;
      for (int i = start[a]; i < start[a + 1]; i++) {
        int b = neighbour(byRow[i], from, to);
        if (b != last) {
          distinct++;
          last = b;
        }
      }
      offsets[a + 1] = offsets[a] + distinct;
    }
    int entries = offsets[n];
    int[] targets = new int[entries];
    float[] out = new float[entries];
    float[] in = new float[entries];
    int k = -1;
    for (int a = 0; a < n; a++) {
      int last = -1;
      double sumOut = 0;
      double sumIn = 0;
      for (int i = start[a]; i < start[a + 1]; i++) {
        int code = byRow[i];
        int b = neighbour(code, from, to);
        if (b != last) {
          if (last >= 0) {
            out[k] = (float) sumOut;
            in[k] = (float) sumIn;
          }
          k++;
          targets[k] = b;
          last = b;
          sumOut = 0;
          sumIn = 0;
        }
        if ((code & 1) == 0) {
          sumOut += w[code >>> 1];
        } else {
          sumIn += w[code >>> 1];
        }
      }
      if (last >= 0) {
        out[k] = (float) sumOut;
        in[k] = (float) sumIn;
      }
    }
    return new InteractionGraph(n, offsets, targets, out, in);
  }

  private static int neighbour(int code, int[] from, int[] to) {
    int e = code >>> 1;
    return (code & 1) == 0 ? to[e] : from[e];
  }
}
