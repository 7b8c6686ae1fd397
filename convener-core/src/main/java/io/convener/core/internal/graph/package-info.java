/**
 * The graph kernel behind champion discovery: the interaction graph of a tenant and window in
 * compressed sparse rows of primitive arrays ({@link io.convener.core.internal.graph.InteractionGraph}),
 * and the per-node metrics computed on it ({@link io.convener.core.internal.graph.GraphMetrics}):
 * degree, strength, PageRank, Brandes betweenness, closeness, eigenvector, Burt's constraint and
 * effective size, clustering and Louvain communities, each defined as NetworkX defines it. Nodes
 * are dense ints; callers map their identifiers. Internal machinery of the runtime: not API, may
 * change without notice.
 */
@NullMarked
package io.convener.core.internal.graph;

import org.jspecify.annotations.NullMarked;
