package io.convener.core.internal.graph;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Eigenvector centrality of the undirected weighted graph as NetworkX's {@code
 * eigenvector_centrality(G, weight='weight')}: power iteration with A + I from the uniform vector,
 * normalised to unit Euclidean length after every step, until the L1 change is below {@code n *
 * tolerance}.
 */
public final class Eigenvector {
  private Eigenvector() {}

  /** Centralities, iterations used, and whether the iteration converged. */
  public record Result(double[] centrality, int iterations, boolean converged) {}

  public static Result compute(InteractionGraph g, double tolerance, int maxIterations) {
    return compute(g, tolerance, maxIterations, new LongAdder());
  }

  /** As {@link #compute(InteractionGraph, double, int)}; adds pool threads' CPU time. */
  static Result compute(InteractionGraph g, double tolerance, int maxIterations, LongAdder workerCpu) {
    int n = g.n;
    double[] x = new double[n];
    Arrays.fill(x, 1.0 / n);
    double[] next = new double[n];
    Chunks chunks = Chunks.of(g);
    boolean parallel = g.offsets[n] > 50_000;
    double[] squares = new double[chunks.count()];
    double[] change = new double[chunks.count()];
    for (int it = 1; it <= maxIterations; it++) {
      double[] xs = x;
      double[] nx = next;
      chunks.run(parallel, workerCpu, (c, from, to) -> {
        int[] off = g.offsets;
        int[] t = g.targets;
        float[] out = g.out;
        float[] in = g.in;
        double sq = 0;
        for (int a = from; a < to; a++) {
          double s = xs[a];
          for (int e = off[a], end = off[a + 1]; e < end; e++) {
            s += xs[t[e]] * ((double) out[e] + in[e]);
          }
          nx[a] = s;
          sq += s * s;
        }
        squares[c] = sq;
      });
      double norm = Math.sqrt(Chunks.sum(squares));
      double scale = norm == 0 ? 1 : 1 / norm;
      chunks.run(parallel, workerCpu, (c, from, to) -> {
        double err = 0;
        for (int a = from; a < to; a++) {
          double v = nx[a] * scale;
          nx[a] = v;
          err += Math.abs(v - xs[a]);
        }
        change[c] = err;
      });
      double[] swap = x;
      x = next;
      next = swap;
      if (Chunks.sum(change) < n * tolerance) {
        return new Result(x, it, true);
      }
    }
    return new Result(x, maxIterations, false);
  }
}
