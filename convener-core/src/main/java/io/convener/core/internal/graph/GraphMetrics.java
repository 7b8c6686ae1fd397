package io.convener.core.internal.graph;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every per-node metric of an {@link InteractionGraph}, each defined as NetworkX defines it, and
 * how each was obtained. A metric that could not be computed has all values NaN and says why in
 * {@link #unavailable(Metric)}; it is never a silent zero. Arrays are returned as copies.
 */
public final class GraphMetrics {
  private final int n;
  private final int[] degree;
  private final double[] strength;
  private final double[] pageRank;
  private final int pageRankIterations;
  private final int eigenvectorIterations;
  private final double[] betweenness;
  private final double[] closeness;
  private final double[] eigenvector;
  private final double[] constraint;
  private final double[] effectiveSize;
  private final double[] clustering;
  private final int[] community;
  private final double modularity;
  private final Exactness betweennessExactness;
  private final Exactness closenessExactness;
  private final Map<Metric, String> unavailable;
  private final Map<String, Double> stageMillis = new LinkedHashMap<>();
  private volatile double trianglesMillis;

  private GraphMetrics(InteractionGraph g, MetricOptions o, double[] warmStart) {
    n = g.n;
    unavailable = new EnumMap<>(Metric.class);
    degree = new int[n];
    strength = new double[n];
    for (int v = 0; v < n; v++) {
      degree[v] = g.offsets[v + 1] - g.offsets[v];
      strength[v] = g.strength[v];
    }
    long t0 = System.nanoTime();
    PageRank.Result pr = PageRank.compute(g, o.tolerance(), o.maxIterations(), warmStart);
    pageRankIterations = pr.iterations();
    pageRank = pr.converged() ? pr.rank() : unavailable(Metric.PAGERANK,
        "PageRank did not converge within " + o.maxIterations() + " iterations (last L1 change "
            + pr.lastChange() + ", needed < " + n * o.tolerance() + ")");
    long t1 = stage("pageRank", t0);
    // Shortest paths, triangles and Louvain run on a breadth-first renumbered copy: neighbours
    // get nearby numbers, so the per-node arrays they read at every edge stay in cache.
    int[][] numbering = LocalOrder.numbering(g);
    int[] toNew = numbering[0];
    int[] toOld = numbering[1];
    InteractionGraph h = LocalOrder.relabel(g, toNew, toOld);
    long t1b = stage("renumber", t1);
    Components comps = Components.of(h);
    ShortestPaths.Result sp = ShortestPaths.compute(h, o, comps, false);
    betweenness = LocalOrder.toOldOrder(sp.betweenness(), toOld);
    closeness = LocalOrder.toOldOrder(sp.closeness(), toOld);
    betweennessExactness = sp.betweennessExactness();
    closenessExactness = sp.closenessExactness();
    long t2 = stage("shortestPaths", t1b);
    if (n == 0) {
      eigenvectorIterations = 0;
      eigenvector = unavailable(Metric.EIGENVECTOR, "eigenvector centrality is undefined for a graph without nodes");
    } else {
      Eigenvector.Result ev = Eigenvector.compute(g, o.tolerance(), o.maxIterations());
      eigenvectorIterations = ev.iterations();
      eigenvector = ev.converged() ? ev.centrality() : unavailable(Metric.EIGENVECTOR,
          "eigenvector centrality did not converge within " + o.maxIterations() + " iterations");
    }
    long t3 = stage("eigenvector", t2);
    // Both are sequential: run them side by side.
    CompletableFuture<Triangles.Result> triangles = CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      Triangles.Result r = Triangles.compute(h);
      trianglesMillis = (System.nanoTime() - start) / 1e6;
      return r;
    });
    int[] local = Louvain.communities(h, o.seed());
    community = new int[n];
    for (int v = 0; v < n; v++) {
      community[v] = local[toNew[v]];
    }
    Louvain.renumber(community);
    long t3b = stage("louvain", t3);
    Triangles.Result tr = triangles.join();
    stageMillis.put("triangles", trianglesMillis);
    clustering = LocalOrder.toOldOrder(tr.clustering(), toOld);
    constraint = LocalOrder.toOldOrder(tr.constraint(), toOld);
    effectiveSize = LocalOrder.toOldOrder(tr.effectiveSize(), toOld);
    if (g.targets.length == 0) {
      modularity = Double.NaN;
      unavailable.put(Metric.COMMUNITY,
          "modularity is undefined for a graph without edges; every node is its own community");
    } else {
      modularity = Louvain.modularity(g, community);
    }
    stage("trianglesAfterLouvain", t3b);
  }

  private long stage(String name, long since) {
    long now = System.nanoTime();
    stageMillis.put(name, (now - since) / 1e6);
    return now;
  }

  private double[] unavailable(Metric m, String reason) {
    unavailable.put(m, reason);
    double[] nan = new double[n];
    Arrays.fill(nan, Double.NaN);
    return nan;
  }

  /** Computes every metric; betweenness and closeness exact up to {@code o.exactLimit()} nodes. */
  public static GraphMetrics compute(InteractionGraph g, MetricOptions o) {
    return compute(g, o, null);
  }

  /**
   * Computes every metric, starting PageRank from {@code pageRankWarmStart} (a previous result on a
   * graph with the same nodes) when it is not {@code null}.
   */
  public static GraphMetrics compute(InteractionGraph g, MetricOptions o, double[] pageRankWarmStart) {
    requireNonNull(g, "graph");
    requireNonNull(o, "options");
    return new GraphMetrics(g, o, pageRankWarmStart);
  }

  public int nodeCount() {
    return n;
  }

  public int[] degree() {
    return degree.clone();
  }

  public double[] strength() {
    return strength.clone();
  }

  /** Directed weighted PageRank, damping 0.85, dangling rank spread uniformly; sums to 1. */
  public double[] pageRank() {
    return pageRank.clone();
  }

  /** Undirected betweenness, distance 1/weight, normalised by 2/((n-1)(n-2)) for unordered pairs. */
  public double[] betweenness() {
    return betweenness.clone();
  }

  /** Closeness with distance 1/weight, Wasserman–Faust improved for disconnected graphs. */
  public double[] closeness() {
    return closeness.clone();
  }

  /** Eigenvector centrality of the undirected weighted graph, unit Euclidean length. */
  public double[] eigenvector() {
    return eigenvector.clone();
  }

  /** Burt's constraint with weights; NaN for isolated nodes. */
  public double[] constraint() {
    return constraint.clone();
  }

  /** Burt's effective size with weights; NaN for isolated nodes. */
  public double[] effectiveSize() {
    return effectiveSize.clone();
  }

  /** Unweighted local clustering coefficient; 0 below degree 2. */
  public double[] clustering() {
    return clustering.clone();
  }

  /** Louvain community per node, numbered from 0 in order of each community's smallest node. */
  public int[] community() {
    return community.clone();
  }

  /** Modularity of {@link #community()} (NaN, and {@link #unavailable} says why, without edges). */
  public double modularity() {
    return modularity;
  }

  public Exactness betweennessExactness() {
    return betweennessExactness;
  }

  public Exactness closenessExactness() {
    return closenessExactness;
  }

  /** Why metric {@code m} could not be computed, if it could not; its values are then NaN. */
  public Optional<String> unavailable(Metric m) {
    return Optional.ofNullable(unavailable.get(requireNonNull(m, "metric")));
  }

  /** Power iterations eigenvector centrality used. */
  public int eigenvectorIterations() {
    return eigenvectorIterations;
  }

  /** Wall-clock milliseconds of each stage of {@link #compute}, in order, for benchmarks and logs. */
  public Map<String, Double> stageMillis() {
    return Collections.unmodifiableMap(stageMillis);
  }

  /** Power iterations PageRank used (fewer after a good warm start). */
  public int pageRankIterations() {
    return pageRankIterations;
  }
}
