package io.convener.core.champion;

import io.convener.api.MemberId;
import java.util.function.IntFunction;

/** Orders nodes by score, highest first, then by member id. */
final class Ordering {
  private Ordering() {}

  /**
   * The best {@code k} nodes, highest {@code score[node]} first and equal scores by member id,
   * without sorting them all: a bounded heap over one pass, so that a ranking that lists twenty
   * people out of 100,000 pays for about twenty.
   */
  static int[] top(int[] nodes, double[] score, IntFunction<MemberId> idOf, int k) {
    int size = Math.min(k, nodes.length);
    if (size <= 0) {
      return new int[0];
    }
    // heap[0] is the worst of the best seen so far
    int[] heap = new int[size];
    int filled = 0;
    for (int v : nodes) {
      if (filled < size) {
        heap[filled] = v;
        up(heap, filled++, score, idOf);
      } else if (before(v, heap[0], score, idOf)) {
        heap[0] = v;
        down(heap, size, score, idOf);
      }
    }
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = heap[0];
      heap[0] = heap[i];
      down(heap, i, score, idOf);
    }
    return out;
  }

  /** Whether node {@code a} ranks before node {@code b}: higher score, then smaller id. */
  private static boolean before(int a, int b, double[] score, IntFunction<MemberId> idOf) {
    int c = Double.compare(score[b], score[a]);
    return c != 0 ? c < 0 : idOf.apply(a).compareTo(idOf.apply(b)) < 0;
  }

  private static void up(int[] heap, int i, double[] score, IntFunction<MemberId> idOf) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(heap[parent], heap[i], score, idOf)) {
        return;
      }
      swap(heap, i, parent);
      i = parent;
    }
  }

  private static void down(int[] heap, int size, double[] score, IntFunction<MemberId> idOf) {
    int i = 0;
    while (true) {
      int worst = i;
      int l = 2 * i + 1;
      int r = l + 1;
      if (l < size && before(heap[worst], heap[l], score, idOf)) {
        worst = l;
      }
      if (r < size && before(heap[worst], heap[r], score, idOf)) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      swap(heap, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
