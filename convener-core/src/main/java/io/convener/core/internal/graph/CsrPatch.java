package io.convener.core.internal.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Sets the directed weights of a few pairs on an existing {@link InteractionGraph}, giving a new
 * graph equal to one built from scratch with those weights. When every pair is already joined the
 * row structure is shared and only the two weight arrays are copied; otherwise the rows that gain
 * neighbours are merged and the rest copied in spans. Either way one pass over the entries, which
 * is what lets a window that gained a thousand events answer without assembling its graph again.
 */
final class CsrPatch {
  private CsrPatch() {}

  static InteractionGraph apply(InteractionGraph g, int[] from, int[] to, double[] weights, int count) {
    if (count < 0 || count > from.length || count > to.length || count > weights.length) {
      throw new IllegalArgumentException("count " + count + " outside the arrays given");
    }
    Map<Long, Double> last = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int a = from[i];
      int b = to[i];
      double w = weights[i];
      if (a < 0 || a >= g.n) {
        throw new IllegalArgumentException("from[" + i + "]: node " + a + " outside [0, " + g.n + ")");
      }
      if (b < 0 || b >= g.n) {
        throw new IllegalArgumentException("to[" + i + "]: node " + b + " outside [0, " + g.n + ")");
      }
      if (!(w > 0) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("weights[" + i + "]: must be positive and finite, was " + w);
      }
      if (a != b) {
        last.put(key(a, b), w);
      }
    }
    long[] pairs = new long[last.size()];
    int p = 0;
    for (long k : last.keySet()) {
      pairs[p++] = k;
    }
    // Entries the graph lacks: both (a, b) in row a and (b, a) in row b.
    long[] missing = new long[2 * pairs.length];
    int miss = 0;
    for (long k : pairs) {
      int a = (int) (k >>> 32);
      int b = (int) k;
      if (find(g.offsets, g.targets, a, b) < 0) {
        missing[miss++] = key(a, b);
        missing[miss++] = key(b, a);
      }
    }
    missing = distinctSorted(missing, miss);
    int[] offsets = g.offsets;
    int[] targets = g.targets;
    float[] out;
    float[] in;
    if (missing.length == 0) {
      out = g.out.clone();
      in = g.in.clone();
    } else {
      offsets = new int[g.n + 1];
      targets = new int[g.targets.length + missing.length];
      out = new float[targets.length];
      in = new float[targets.length];
      merge(g, missing, offsets, targets, out, in);
    }
    for (long k : pairs) {
      int a = (int) (k >>> 32);
      int b = (int) k;
      float w = (float) (double) last.get(k);
      out[find(offsets, targets, a, b)] = w;
      in[find(offsets, targets, b, a)] = w;
    }
    return new InteractionGraph(g.n, offsets, targets, out, in);
  }

  /** Copies the rows of {@code g} with the zero-weight entries {@code missing} (sorted row, neighbour) inserted. */
  private static void merge(InteractionGraph g, long[] missing, int[] offsets, int[] targets, float[] out, float[] in) {
    int[] added = new int[g.n];
    for (long k : missing) {
      added[(int) (k >>> 32)]++;
    }
    for (int a = 0; a < g.n; a++) {
      offsets[a + 1] = offsets[a] + (g.offsets[a + 1] - g.offsets[a]) + added[a];
    }
    int m = 0;
    int copiedUpTo = 0; // old entries before this index are in place
    int shift = 0; // new index minus old index for the rows being copied
    while (m < missing.length) {
      int row = (int) (missing[m] >>> 32);
      int rowStart = g.offsets[row];
      copy(g, copiedUpTo, rowStart - copiedUpTo, shift, targets, out, in);
      int w = offsets[row];
      int e = rowStart;
      int end = g.offsets[row + 1];
      while (m < missing.length && (int) (missing[m] >>> 32) == row) {
        int nb = (int) missing[m];
        while (e < end && g.targets[e] < nb) {
          targets[w] = g.targets[e];
          out[w] = g.out[e];
          in[w] = g.in[e];
          w++;
          e++;
        }
        targets[w++] = nb;
        m++;
      }
      copy(g, e, end - e, w - e, targets, out, in);
      copiedUpTo = end;
      shift = offsets[row + 1] - end;
    }
    copy(g, copiedUpTo, g.targets.length - copiedUpTo, shift, targets, out, in);
  }

  private static void copy(InteractionGraph g, int from, int length, int shift, int[] targets, float[] out, float[] in) {
    System.arraycopy(g.targets, from, targets, from + shift, length);
    System.arraycopy(g.out, from, out, from + shift, length);
    System.arraycopy(g.in, from, in, from + shift, length);
  }

  private static int find(int[] offsets, int[] targets, int a, int b) {
    return Arrays.binarySearch(targets, offsets[a], offsets[a + 1], b);
  }

  private static long[] distinctSorted(long[] keys, int count) {
    long[] sorted = Arrays.copyOf(keys, count);
    Arrays.sort(sorted);
    int d = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[d++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, d);
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }
}
