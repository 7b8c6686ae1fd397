package io.convener.testing.synthetic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Betweenness centrality on an undirected weighted graph with distance = 1 / weight, as
 * CONTRACT.md defines it: Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness
 * centrality", J. Math. Sociol. 25(2), 2001, Algorithm 1 with Dijkstra for weighted graphs),
 * normalised by 2 / ((n-1)(n-2)) as NetworkX does for undirected graphs. An independent check for
 * the tests, not the product's implementation.
 */
final class Betweenness {
  private static final double EPS = 1e-12;

  private Betweenness() {}

  /** Betweenness of every node; {@code weight} is symmetric, 0 where there is no edge. */
  static double[] of(double[][] weight) {
    int n = weight.length;
    int[][] adjacent = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] row = new int[n];
      int k = 0;
      for (int j = 0; j < n; j++) {
        if (i != j && weight[i][j] > 0) {
          row[k++] = j;
        }
      }
      adjacent[i] = Arrays.copyOf(row, k);
    }
    double[] centrality = new double[n];
    for (int s = 0; s < n; s++) {
      double[] dist = new double[n];
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      double[] sigma = new double[n];
      List<List<Integer>> pred = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pred.add(new ArrayList<>());
      }
      Deque<Integer> stack = new ArrayDeque<>();
      boolean[] settled = new boolean[n];
      dist[s] = 0;
      sigma[s] = 1;
      PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
      queue.add(new double[] {0, s});
      while (!queue.isEmpty()) {
        int v = (int) queue.poll()[1];
        if (settled[v]) {
          continue;
        }
        settled[v] = true;
        stack.push(v);
        for (int x : adjacent[v]) {
          double d = dist[v] + 1.0 / weight[v][x];
          if (d < dist[x] - EPS) {
            dist[x] = d;
            sigma[x] = sigma[v];
            pred.get(x).clear();
            pred.get(x).add(v);
            queue.add(new double[] {d, x});
          } else if (Math.abs(d - dist[x]) <= EPS) {
            sigma[x] += sigma[v];
            pred.get(x).add(v);
          }
        }
      }
      double[] delta = new double[n];
      while (!stack.isEmpty()) {
        int x = stack.pop();
        for (int v : pred.get(x)) {
          delta[v] += sigma[v] / sigma[x] * (1 + delta[x]);
        }
        if (x != s) {
          centrality[x] += delta[x];
        }
      }
    }
    // Each pair was counted from both ends: halve, then scale by 2 / ((n-1)(n-2)).
    double scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
    for (int i = 0; i < n; i++) {
      centrality[i] *= scale;
    }
    return centrality;
  }
}
