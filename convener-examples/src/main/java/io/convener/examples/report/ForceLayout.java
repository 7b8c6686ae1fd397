package io.convener.examples.report;

import java.util.SplittableRandom;

/**
 * A Fruchterman-Reingold force layout with a fixed seed: the same graph gives the same picture.
 * Quadratic in the nodes per iteration, so callers draw a few hundred nodes at most. Positions
 * end up in the unit square. Not thread-safe; single use.
 */
final class ForceLayout {
  private final int n;
  private final int[] from;
  private final int[] to;
  private final double[] weight;
  private final double[] x;
  private final double[] y;

  /**
   * @param n the nodes
   * @param from each edge's first node
   * @param to each edge's second node
   * @param weight each edge's weight (stronger edges pull harder, logarithmically)
   * @param seed the seed of the starting positions
   */
  ForceLayout(int n, int[] from, int[] to, double[] weight, long seed) {
    this.n = n;
    this.from = from;
    this.to = to;
    this.weight = weight;
    this.x = new double[n];
    this.y = new double[n];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble();
      y[i] = random.nextDouble();
    }
  }

  /** Runs the iterations and returns {x, y} scaled into [0, 1]. */
  double[][] run(int iterations) {
    double k = Math.sqrt(1.0 / Math.max(1, n));
    double temperature = 0.1;
    double[] dx = new double[n];
    double[] dy = new double[n];
    for (int it = 0; it < iterations; it++) {
      java.util.Arrays.fill(dx, 0);
      java.util.Arrays.fill(dy, 0);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double ex = x[i] - x[j];
          double ey = y[i] - y[j];
          double d2 = Math.max(1e-6, ex * ex + ey * ey);
          double f = k * k / d2;
          dx[i] += ex * f;
          dy[i] += ey * f;
          dx[j] -= ex * f;
          dy[j] -= ey * f;
        }
      }
      for (int e = 0; e < from.length; e++) {
        int a = from[e];
        int b = to[e];
        double ex = x[a] - x[b];
        double ey = y[a] - y[b];
        double d = Math.max(1e-3, Math.sqrt(ex * ex + ey * ey));
        double f = d / k * (1 + Math.log1p(weight[e])) / 2;
        dx[a] -= ex * f;
        dy[a] -= ey * f;
        dx[b] += ex * f;
        dy[b] += ey * f;
      }
      for (int i = 0; i < n; i++) {
        double len = Math.max(1e-9, Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]));
        double step = Math.min(len, temperature);
        x[i] += dx[i] / len * step;
        y[i] += dy[i] / len * step;
      }
      temperature *= 0.95;
    }
    return new double[][] {scaled(x), scaled(y)};
  }

  private static double[] scaled(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double a : v) {
      min = Math.min(min, a);
      max = Math.max(max, a);
    }
    double span = max - min;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = span > 0 ? (v[i] - min) / span : 0.5;
    }
    return out;
  }
}
