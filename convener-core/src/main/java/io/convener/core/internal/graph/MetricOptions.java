package io.convener.core.internal.graph;

/**
 * Options of {@link GraphMetrics#compute}.
 *
 * @param exactLimit betweenness and closeness are exact for graphs of at most this many nodes;
 *     above it they are estimated from sampled source nodes
 * @param samples how many source nodes to sample above {@code exactLimit}
 * @param seed seed of every random choice (source sampling, Louvain's node order); equal seeds
 *     give equal results
 * @param tolerance convergence tolerance of PageRank and eigenvector centrality, per node as in
 *     NetworkX: iteration stops when the L1 change is below {@code nodeCount * tolerance}
 * @param maxIterations most power iterations of PageRank and eigenvector centrality
 */
public record MetricOptions(int exactLimit, int samples, long seed, double tolerance, int maxIterations) {
  /** Default {@link #exactLimit()}: exact betweenness and closeness up to 5,000 nodes. */
  public static final int DEFAULT_EXACT_LIMIT = 5_000;
  /** Default {@link #samples()}; see docs/graph-kernel.md for the time and error it buys. */
  public static final int DEFAULT_SAMPLES = 32;

  public MetricOptions {
    if (exactLimit < 0) {
      throw new IllegalArgumentException("exactLimit must be >= 0, was " + exactLimit);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be positive and finite, was " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
    }
  }

  /** Exact up to 5,000 nodes, {@value #DEFAULT_SAMPLES} samples, seed 0, tolerance 1e-10, 1,000 iterations. */
  public static MetricOptions defaults() {
    return new MetricOptions(DEFAULT_EXACT_LIMIT, DEFAULT_SAMPLES, 0L, 1e-10, 1000);
  }

  public MetricOptions withExactLimit(int value) {
    return new MetricOptions(value, samples, seed, tolerance, maxIterations);
  }

  public MetricOptions withSamples(int value) {
    return new MetricOptions(exactLimit, value, seed, tolerance, maxIterations);
  }

  public MetricOptions withSeed(long value) {
    return new MetricOptions(exactLimit, samples, value, tolerance, maxIterations);
  }

  public MetricOptions withTolerance(double value) {
    return new MetricOptions(exactLimit, samples, seed, value, maxIterations);
  }

  public MetricOptions withMaxIterations(int value) {
    return new MetricOptions(exactLimit, samples, seed, tolerance, value);
  }
}
