package io.convener.core.internal.graph;

import java.util.concurrent.atomic.LongAdder;

/**
 * Splits the rows of a graph into a fixed number of chunks of about equal work (entries plus
 * rows) and runs them on the caller and the common fork-join pool. The split does not depend on
 * the number of threads, and per-chunk partial sums are combined in chunk order, so results are
 * the same bits on every run and every machine.
 */
final class Chunks {
  /** Fixed number of chunks: enough to keep a few cores busy, independent of the machine. */
  static final int COUNT = 32;

  private final int[] bounds;

  private Chunks(int[] bounds) {
    this.bounds = bounds;
  }

  /** Chunks of rows {@code 0..n-1} balanced by entries. */
  static Chunks of(InteractionGraph g) {
    int n = g.n;
    int count = n == 0 ? 0 : Math.min(COUNT, n);
    int[] bounds = new int[count + 1];
    long total = (long) g.offsets[n] + n;
    int row = 0;
    for (int c = 1; c < count; c++) {
      long target = total * c / count;
      while (row < n && (long) g.offsets[row] + row < target) {
        row++;
      }
      bounds[c] = Math.max(row, bounds[c - 1]);
    }
    bounds[count] = n;
    return new Chunks(bounds);
  }

  int count() {
    return bounds.length - 1;
  }

  int from(int chunk) {
    return bounds[chunk];
  }

  int to(int chunk) {
    return bounds[chunk + 1];
  }

  /**
   * Runs {@code body} for every chunk, in parallel when {@code parallel}; the CPU time of chunks
   * that ran on other threads than the caller is added to {@code workerCpuNanos}.
   */
  void run(boolean parallel, LongAdder workerCpuNanos, ChunkBody body) {
    if (!parallel) {
      for (int c = 0; c < count(); c++) {
        body.run(c, bounds[c], bounds[c + 1]);
      }
      return;
    }
    Cpu.claim(count(), workerCpuNanos, c -> body.run(c, bounds[c], bounds[c + 1]));
  }

  /** Work on the rows {@code [from, to)} of chunk {@code chunk}. */
  @FunctionalInterface
  interface ChunkBody {
    void run(int chunk, int from, int to);
  }

  /** Sum of per-chunk partials in chunk order. */
  static double sum(double[] partials) {
    double s = 0;
    for (double p : partials) {
      s += p;
    }
    return s;
  }
}
