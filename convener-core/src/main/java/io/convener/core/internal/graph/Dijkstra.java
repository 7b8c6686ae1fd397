package io.convener.core.internal.graph;

import java.util.Arrays;

/**
 * One thread's single-source shortest paths with path counting and Brandes' dependency
 * accumulation, as NetworkX's {@code _single_source_dijkstra_path_basic} and {@code
 * _accumulate_basic}: a predecessor of w is every v with dist(v) + len(v,w) == dist(w) in the same
 * floating-point arithmetic, so ties are the ties NetworkX sees. Predecessors are not stored; the
 * backward pass finds them again with that test. Scratch arrays are reset only where touched.
 */
final class Dijkstra {
  private final InteractionGraph g;
  private final double[] length;
  final double[] dist;
  private final double[] sigma;
  final double[] delta;
  /** Nodes in the order they were settled; {@link #settled} of them. */
  final int[] order;
  int settled;
  private final int[] heap;
  /** -1 never seen, -2 settled, otherwise the index in {@link #heap}. */
  private final int[] pos;
  private int heapSize;

  Dijkstra(InteractionGraph g, double[] length) {
    int n = g.n;
    this.g = g;
    this.length = length;
    this.dist = new double[n];
    this.sigma = new double[n];
    this.delta = new double[n];
    this.order = new int[n];
    this.heap = new int[n];
    this.pos = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(pos, -1);
  }

  /** Shortest paths from {@code s}, then dependencies δ_s(v) into {@link #delta}. */
  void run(int s) {
    reset();
    int[] off = g.offsets;
    int[] t = g.targets;
    dist[s] = 0;
    sigma[s] = 1;
    push(s);
    while (heapSize > 0) {
      int v = pop();
      order[settled++] = v;
      double dv = dist[v];
      double sv = sigma[v];
      for (int e = off[v], end = off[v + 1]; e < end; e++) {
        int w = t[e];
        int p = pos[w];
        if (p == -2) {
          continue;
        }
        double nd = dv + length[e];
        if (p == -1) {
          dist[w] = nd;
          sigma[w] = sv;
          push(w);
        } else if (nd < dist[w]) {
          dist[w] = nd;
          sigma[w] = sv;
          siftUp(p);
        } else if (nd == dist[w]) {
          sigma[w] += sv;
        }
      }
    }
    for (int i = settled - 1; i >= 0; i--) {
      int w = order[i];
      double coeff = (1 + delta[w]) / sigma[w];
      double dw = dist[w];
      for (int e = off[w], end = off[w + 1]; e < end; e++) {
        int v = t[e];
        if (dist[v] + length[e] == dw) {
          delta[v] += sigma[v] * coeff;
        }
      }
    }
  }

  private void reset() {
    for (int i = 0; i < settled; i++) {
      int v = order[i];
      dist[v] = Double.POSITIVE_INFINITY;
      sigma[v] = 0;
      delta[v] = 0;
      pos[v] = -1;
    }
    settled = 0;
    heapSize = 0;
  }

  private void push(int v) {
    heap[heapSize] = v;
    pos[v] = heapSize;
    siftUp(heapSize++);
  }

  private int pop() {
    int top = heap[0];
    int last = heap[--heapSize];
    if (heapSize > 0) {
      heap[0] = last;
      pos[last] = 0;
      siftDown(0);
    }
    pos[top] = -2;
    return top;
  }

  private void siftUp(int i) {
    int v = heap[i];
    double d = dist[v];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int pv = heap[parent];
      if (dist[pv] <= d) {
        break;
      }
      heap[i] = pv;
      pos[pv] = i;
      i = parent;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private void siftDown(int i) {
    int v = heap[i];
    double d = dist[v];
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int cv = heap[child];
      int right = child + 1;
      if (right < heapSize && dist[heap[right]] < dist[cv]) {
        child = right;
        cv = heap[child];
      }
      if (d <= dist[cv]) {
        break;
      }
      heap[i] = cv;
      pos[cv] = i;
      i = child;
    }
    heap[i] = v;
    pos[v] = i;
  }
}
