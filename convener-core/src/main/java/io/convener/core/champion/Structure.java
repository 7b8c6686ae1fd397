package io.convener.core.champion;

import io.convener.api.champion.Exactness;

/**
 * The structural metrics champion scoring uses, per node of a {@link WindowGraph}: PageRank
 * (always current), betweenness, Burt's constraint and communities (current, or reused while the
 * graph has changed by less than the tenant's refresh share), and how they were obtained.
 *
 * @param pageRank PageRank, current
 * @param betweenness normalised betweenness
 * @param constraint Burt's constraint, NaN for isolated nodes
 * @param community community index
 * @param betweennessExactness exact or sampled
 * @param lag events that arrived after betweenness, constraint and communities were computed
 */
record Structure(
    double[] pageRank, double[] betweenness, double[] constraint, int[] community, Exactness betweennessExactness,
    long lag) {

  /** Whether every value is exact and current. */
  boolean exact() {
    return betweennessExactness.exact() && lag == 0;
  }
}
