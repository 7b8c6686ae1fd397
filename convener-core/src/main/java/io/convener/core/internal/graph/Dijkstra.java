package io.convener.core.internal.graph;

/**
 * One thread's single-source shortest paths with path counting and Brandes' dependency
 * accumulation, as NetworkX's {@code _single_source_dijkstra_path_basic} and {@code
 * _accumulate_basic}: a predecessor of w is every v with dist(v) + len(v,w) == dist(w) in the same
 * floating-point arithmetic, so ties are the ties NetworkX sees. Each row is scanned once, when
 * its node is settled: a neighbour that passes the test is a predecessor (it was settled before,
 * with its path count final), any other is relaxed. Predecessors are kept in one flat list in
 * settling order, so the backward pass touches only them. Scratch is reset only where touched.
 */
final class Dijkstra {
  private final int[] offsets;
  private final int[] targets;
  private final double[] length;
  /** Distance per node, infinite until reached: alone, so that the scans of every edge stay in cache. */
  private final double[] dist;
  /** Per node v, {@code pd[2v]} the number of shortest paths σ and {@code pd[2v+1]} the dependency δ. */
  private final double[] pd;
  /** Predecessors of {@code order[i]} are {@code preds[predEnd[i-1] .. predEnd[i])}. */
  private int[] preds;
  private final int[] predEnd;
  /** Nodes in the order they were settled; {@link #settled} of them. */
  final int[] order;
  int settled;
  /** A 4-ary min-heap (shallower than a binary one: fewer cache misses per pop). */
  private final int[] heap;
  /** The key of {@code heap[i]}, kept beside it so that sifting reads one array. */
  private final double[] keys;
  /** The index of a node in {@link #heap} while it is there. */
  private final int[] pos;
  private int heapSize;

  Dijkstra(int n, int[] offsets, int[] targets, double[] length) {
    this.offsets = offsets;
    this.targets = targets;
    this.length = length;
    this.dist = new double[n];
    this.pd = new double[2 * n];
    this.preds = new int[Math.max(16, 2 * n)];
    this.predEnd = new int[n];
    this.order = new int[n];
    this.heap = new int[n];
    this.keys = new double[n];
    this.pos = new int[n];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
  }

  double dist(int v) {
    return dist[v];
  }

  double delta(int v) {
    return pd[2 * v + 1];
  }

  /**
   * Shortest paths from {@code s}, then dependencies δ_s(v). A settled node w never passes the
   * tests below (dist(w) <= dist(v) < dist(v) + len), so no settled flag is read.
   */
  void run(int s) {
    reset();
    int[] off = offsets;
    int[] t = targets;
    double[] d = dist;
    double[] p2 = pd;
    double[] len = length;
    d[s] = 0;
    push(s, 0);
    int predCount = 0;
    while (heapSize > 0) {
      int v = pop();
      double dv = d[v];
      double sv = v == s ? 1 : 0;
      int[] pr = preds;
      for (int e = off[v], end = off[v + 1]; e < end; e++) {
        int w = t[e];
        double le = len[e];
        double dw = d[w];
        if (dw + le == dv) {
          if (predCount == pr.length) {
            pr = preds = java.util.Arrays.copyOf(pr, pr.length + (pr.length >> 1));
          }
          pr[predCount++] = w;
          sv += p2[2 * w];
        } else {
          double nd = dv + le;
          if (nd < dw) {
            d[w] = nd;
            if (dw == Double.POSITIVE_INFINITY) {
              push(w, nd);
            } else {
              int p = pos[w];
              keys[p] = nd;
              siftUp(p);
            }
          }
        }
      }
      p2[2 * v] = sv;
      predEnd[settled] = predCount;
      order[settled++] = v;
    }
    int[] pr = preds;
    for (int i = settled - 1; i >= 0; i--) {
      int w = order[i];
      double coeff = (1 + p2[2 * w + 1]) / p2[2 * w];
      for (int j = i == 0 ? 0 : predEnd[i - 1], end = predEnd[i]; j < end; j++) {
        int v = pr[j];
        p2[2 * v + 1] += p2[2 * v] * coeff;
      }
    }
  }

  private void reset() {
    for (int i = 0; i < settled; i++) {
      int v = order[i];
      dist[v] = Double.POSITIVE_INFINITY;
      pd[2 * v] = 0;
      pd[2 * v + 1] = 0;
    }
    settled = 0;
    heapSize = 0;
  }

  private void push(int v, double key) {
    heap[heapSize] = v;
    keys[heapSize] = key;
    pos[v] = heapSize;
    siftUp(heapSize++);
  }

  private int pop() {
    int top = heap[0];
    int last = --heapSize;
    if (last > 0) {
      heap[0] = heap[last];
      keys[0] = keys[last];
      siftDown(0);
    }
    return top;
  }

  private void siftUp(int i) {
    int v = heap[i];
    double d = keys[i];
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      double pd = keys[parent];
      if (pd <= d) {
        break;
      }
      int pv = heap[parent];
      heap[i] = pv;
      keys[i] = pd;
      pos[pv] = i;
      i = parent;
    }
    heap[i] = v;
    keys[i] = d;
    pos[v] = i;
  }

  private void siftDown(int i) {
    int v = heap[i];
    double d = keys[i];
    int size = heapSize;
    while (true) {
      int first = 4 * i + 1;
      if (first >= size) {
        break;
      }
      int child = first;
      double cd = keys[first];
      int last = Math.min(first + 4, size);
      for (int c = first + 1; c < last; c++) {
        double kc = keys[c];
        if (kc < cd) {
          child = c;
          cd = kc;
        }
      }
      if (d <= cd) {
        break;
      }
      int cv = heap[child];
      heap[i] = cv;
      keys[i] = cd;
      pos[cv] = i;
      i = child;
    }
    heap[i] = v;
    keys[i] = d;
    pos[v] = i;
  }
}
