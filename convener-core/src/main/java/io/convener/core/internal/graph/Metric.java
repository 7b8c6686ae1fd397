package io.convener.core.internal.graph;

/** The per-node metrics that {@link GraphMetrics} computes. */
public enum Metric {
  DEGREE,
  STRENGTH,
  PAGERANK,
  BETWEENNESS,
  CLOSENESS,
  EIGENVECTOR,
  CONSTRAINT,
  EFFECTIVE_SIZE,
  CLUSTERING,
  COMMUNITY
}
