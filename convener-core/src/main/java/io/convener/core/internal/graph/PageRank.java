package io.convener.core.internal.graph;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * PageRank on the directed weighted graph exactly as NetworkX's {@code pagerank}: damping α, the
 * transition a→b weighted w(a→b) / outWeight(a), the rank of dangling nodes (no out-edges) spread
 * uniformly, personalisation uniform, power iteration until the L1 change is below {@code n *
 * tolerance}. Each iteration pulls along the in-weights of the shared rows, in parallel by chunk.
 */
public final class PageRank {
  /** The damping factor of the contract. */
  public static final double DAMPING = 0.85;

  private PageRank() {}

  /** Ranks, iterations used, and whether the iteration converged. */
  public record Result(double[] rank, int iterations, boolean converged, double lastChange) {}

  /**
   * Runs PageRank.
   *
   * @param warmStart a previous rank vector of the same length to start from, or {@code null} to
   *     start uniform; it is normalised to sum 1
   * @throws IllegalArgumentException if the warm start has the wrong length or a negative or
   *     non-finite value
   */
  public static Result compute(
      InteractionGraph g, double tolerance, int maxIterations, double[] warmStart) {
    return compute(g, tolerance, maxIterations, warmStart, new LongAdder());
  }

  /** As {@link #compute(InteractionGraph, double, int, double[])}; adds pool threads' CPU time. */
  static Result compute(InteractionGraph g, double tolerance, int maxIterations, double[] warmStart,
      LongAdder workerCpu) {
    int n = g.n;
    if (n == 0) {
      return new Result(new double[0], 0, true, 0);
    }
    double[] x = start(n, warmStart);
    double[] next = new double[n];
    double[] share = new double[n];
    Chunks chunks = Chunks.of(g);
    boolean parallel = g.offsets[n] > 50_000;
    double[] dangling = new double[chunks.count()];
    double[] change = new double[chunks.count()];
    double lastChange = Double.NaN;
    for (int it = 1; it <= maxIterations; it++) {
      double[] xs = x;
      chunks.run(parallel, workerCpu, (c, from, to) -> {
        double d = 0;
        for (int b = from; b < to; b++) {
          double ow = g.outWeight[b];
          if (ow > 0) {
            share[b] = xs[b] / ow;
          } else {
            share[b] = 0;
            d += xs[b];
          }
        }
        dangling[c] = d;
      });
      double base = (1 - DAMPING) / n + DAMPING * Chunks.sum(dangling) / n;
      double[] nx = next;
      chunks.run(parallel, workerCpu, (c, from, to) -> {
        int[] off = g.offsets;
        int[] t = g.targets;
        float[] in = g.in;
        double err = 0;
        for (int a = from; a < to; a++) {
          double s = 0;
          for (int e = off[a], end = off[a + 1]; e < end; e++) {
            s += share[t[e]] * in[e];
          }
          double v = DAMPING * s + base;
          nx[a] = v;
          err += Math.abs(v - xs[a]);
        }
        change[c] = err;
      });
      lastChange = Chunks.sum(change);
      double[] swap = x;
      x = next;
      next = swap;
      if (lastChange < n * tolerance) {
        return new Result(x, it, true, lastChange);
      }
    }
    return new Result(x, maxIterations, false, lastChange);
  }

  private static double[] start(int n, double[] warm) {
    double[] x = new double[n];
    if (warm == null) {
      Arrays.fill(x, 1.0 / n);
      return x;
    }
    if (warm.length != n) {
      throw new IllegalArgumentException(
          "pageRankWarmStart: length " + warm.length + " but the graph has " + n + " nodes");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!(warm[i] >= 0) || Double.isInfinite(warm[i])) {
        throw new IllegalArgumentException(
            "pageRankWarmStart: value " + warm[i] + " at node " + i + " is not finite and >= 0");
      }
      sum += warm[i];
    }
    if (sum == 0) {
      Arrays.fill(x, 1.0 / n);
      return x;
    }
    for (int i = 0; i < n; i++) {
      x[i] = warm[i] / sum;
    }
    return x;
  }
}
