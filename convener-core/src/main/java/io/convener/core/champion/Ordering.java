package io.convener.core.champion;

import io.convener.api.MemberId;
import java.util.Arrays;
import java.util.function.IntFunction;

/** Orders nodes by score, highest first, then by member id, with primitive sorts. */
final class Ordering {
  private Ordering() {}

  /** The nodes, ordered by {@code score[node]} descending, ties by member id ascending. */
  static int[] byScore(int[] nodes, double[] score, IntFunction<MemberId> idOf) {
    int n = nodes.length;
    double[] distinct = new double[n];
    for (int i = 0; i < n; i++) {
      distinct[i] = score[nodes[i]];
    }
    Arrays.sort(distinct);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      // rank of the score from the top: the number of candidates with a larger score
      int above = n - upperBound(distinct, score[nodes[i]]);
      keys[i] = ((long) above << 32) | i;
    }
    Arrays.sort(keys);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = nodes[(int) keys[i]];
    }
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && keys[j] >>> 32 == keys[i] >>> 32) {
        j++;
      }
      if (j - i > 1) {
        Integer[] run = new Integer[j - i];
        for (int k = i; k < j; k++) {
          run[k - i] = out[k];
        }
        Arrays.sort(run, (x, y) -> idOf.apply(x).compareTo(idOf.apply(y)));
        for (int k = i; k < j; k++) {
          out[k] = run[k - i];
        }
      }
      i = j;
    }
    return out;
  }

  /** The index of the first element greater than {@code x} in the sorted array. */
  private static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(sorted[mid], x) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
