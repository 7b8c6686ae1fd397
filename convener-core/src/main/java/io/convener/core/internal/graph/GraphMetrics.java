package io.convener.core.internal.graph;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  /** Below this many CSR entries every stage runs on the calling thread (threads would cost more). */
  private static final int CONCURRENT_ABOVE_ENTRIES = 50_000;
  /** Why a metric the caller did not ask for has no values. */
  static final String NOT_ASKED = "not computed: the caller did not ask for it";
  private final Map<String, Double> stageMillis = new LinkedHashMap<>();
  private final Map<String, Double> stageCpuMillis = new LinkedHashMap<>();

  private GraphMetrics(InteractionGraph g, MetricOptions o, double[] warmStart, boolean sideThreads,
      Set<Metric> wanted) {
    n = g.n;
    unavailable = new EnumMap<>(Metric.class);
    degree = new int[n];
    strength = new double[n];
    for (int v = 0; v < n; v++) {
      degree[v] = g.offsets[v + 1] - g.offsets[v];
      strength[v] = g.strength[v];
    }
    // Shortest paths, triangles and Louvain run on a breadth-first renumbered copy: neighbours
    // get nearby numbers, so the per-node arrays they read at every edge stay in cache.
    Cpu.Timed<int[][]> renumbered = Cpu.timed(() -> LocalOrder.numbering(g));
    int[] toNew = renumbered.value()[0];
    int[] toOld = renumbered.value()[1];
    Cpu.Timed<InteractionGraph> relabelled = Cpu.timed(() -> LocalOrder.relabel(g, toNew, toOld));
    InteractionGraph h = relabelled.value();
    record("renumber", renumbered.wallMillis() + relabelled.wallMillis(),
        renumbered.cpuMillis() + relabelled.cpuMillis());
    // Louvain and the triangle metrics are sequential and independent of the rest: on graphs
    // worth it they run on threads of their own while PageRank, shortest paths and eigenvector
    // centrality use the fork-join pool. Every stage is deterministic on its own, so the results
    // do not depend on how the threads interleave.
    boolean concurrent = sideThreads && g.targets.length > CONCURRENT_ABOVE_ENTRIES;
    CompletableFuture<Cpu.Timed<Communities>> louvain = !wanted.contains(Metric.COMMUNITY) ? null
        : Cpu.beside("louvain", concurrent, () -> {
          int[] local = Louvain.communities(h, o.seed());
          int[] comm = new int[n];
          for (int v = 0; v < n; v++) {
            comm[v] = local[toNew[v]];
          }
          Louvain.renumber(comm);
          return new Communities(comm, g.targets.length == 0 ? Double.NaN : Louvain.modularity(g, comm));
        });
    boolean triangleMetrics = wanted.contains(Metric.CLUSTERING) || wanted.contains(Metric.CONSTRAINT)
        || wanted.contains(Metric.EFFECTIVE_SIZE);
    CompletableFuture<Cpu.Timed<Triangles.Result>> triangles =
        triangleMetrics ? Cpu.beside("triangles", concurrent, () -> Triangles.compute(h)) : null;
    if (wanted.contains(Metric.PAGERANK)) {
      PageRank.Result pr = onCaller("pageRank",
          w -> PageRank.compute(g, o.tolerance(), o.maxIterations(), warmStart, w));
      pageRankIterations = pr.iterations();
      pageRank = pr.converged() ? pr.rank() : unavailable(Metric.PAGERANK,
          "PageRank did not converge within " + o.maxIterations() + " iterations (last L1 change "
              + pr.lastChange() + ", needed < " + n * o.tolerance() + ")");
    } else {
      pageRankIterations = 0;
      pageRank = notAsked(Metric.PAGERANK);
    }
    if (wanted.contains(Metric.BETWEENNESS) || wanted.contains(Metric.CLOSENESS)) {
      ShortestPaths.Result sp = onCaller("shortestPaths",
          w -> ShortestPaths.compute(h, o, Components.of(h), false, w));
      betweenness = LocalOrder.toOldOrder(sp.betweenness(), toOld);
      closeness = LocalOrder.toOldOrder(sp.closeness(), toOld);
      betweennessExactness = sp.betweennessExactness();
      closenessExactness = sp.closenessExactness();
    } else {
      betweenness = notAsked(Metric.BETWEENNESS);
      closeness = notAsked(Metric.CLOSENESS);
      betweennessExactness = new Exactness(false, 0, 0, NOT_ASKED);
      closenessExactness = new Exactness(false, 0, 0, NOT_ASKED);
    }
    if (!wanted.contains(Metric.EIGENVECTOR)) {
      eigenvectorIterations = 0;
      eigenvector = notAsked(Metric.EIGENVECTOR);
    } else if (n == 0) {
      eigenvectorIterations = 0;
      eigenvector = unavailable(Metric.EIGENVECTOR, "eigenvector centrality is undefined for a graph without nodes");
    } else {
      Eigenvector.Result ev = onCaller("eigenvector",
          w -> Eigenvector.compute(g, o.tolerance(), o.maxIterations(), w));
      eigenvectorIterations = ev.iterations();
      eigenvector = ev.converged() ? ev.centrality() : unavailable(Metric.EIGENVECTOR,
          "eigenvector centrality did not converge within " + o.maxIterations() + " iterations");
    }
    if (triangles != null) {
      Cpu.Timed<Triangles.Result> tr = Cpu.join(triangles);
      record("triangles", tr.wallMillis(), tr.cpuMillis());
      clustering = LocalOrder.toOldOrder(tr.value().clustering(), toOld);
      constraint = LocalOrder.toOldOrder(tr.value().constraint(), toOld);
      effectiveSize = LocalOrder.toOldOrder(tr.value().effectiveSize(), toOld);
    } else {
      clustering = notAsked(Metric.CLUSTERING);
      constraint = notAsked(Metric.CONSTRAINT);
      effectiveSize = notAsked(Metric.EFFECTIVE_SIZE);
    }
    if (louvain != null) {
      Cpu.Timed<Communities> lv = Cpu.join(louvain);
      record("louvain", lv.wallMillis(), lv.cpuMillis());
      community = lv.value().community();
      modularity = lv.value().modularity();
      if (g.targets.length == 0) {
        unavailable.put(Metric.COMMUNITY,
            "modularity is undefined for a graph without edges; every node is its own community");
      }
    } else {
      community = new int[n];
      Arrays.fill(community, -1);
      modularity = Double.NaN;
      unavailable.put(Metric.COMMUNITY, NOT_ASKED);
    }
  }

  /** Louvain's partition in the caller's numbering and its modularity. */
  private record Communities(int[] community, double modularity) {}

  private <T> T onCaller(String name, Cpu.PoolWork<T> stage) {
    Cpu.Timed<T> t = Cpu.withPool(stage);
    record(name, t.wallMillis(), t.cpuMillis());
    return t.value();
  }

  private void record(String name, double wall, double cpu) {
    stageMillis.put(name, wall);
    stageCpuMillis.put(name, cpu);
  }

  private double[] notAsked(Metric m) {
    return unavailable(m, NOT_ASKED);
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
    return compute(g, o, pageRankWarmStart, EnumSet.allOf(Metric.class));
  }

  /**
   * Computes the metrics in {@code wanted} (degree and strength always), and only the stages they
   * need: betweenness and closeness come together, as do clustering, constraint and effective
   * size. A metric not asked for, and not computed with one that was, has NaN values (community
   * -1) and {@link #unavailable} says so.
   */
  public static GraphMetrics compute(InteractionGraph g, MetricOptions o, double[] pageRankWarmStart,
      Set<Metric> wanted) {
    return compute(g, o, pageRankWarmStart, true, wanted);
  }

  /** Without {@code sideThreads}, Louvain and the triangle metrics run on the calling thread. */
  static GraphMetrics compute(InteractionGraph g, MetricOptions o, double[] pageRankWarmStart,
      boolean sideThreads) {
    return compute(g, o, pageRankWarmStart, sideThreads, EnumSet.allOf(Metric.class));
  }

  private static GraphMetrics compute(InteractionGraph g, MetricOptions o, double[] pageRankWarmStart,
      boolean sideThreads, Set<Metric> wanted) {
    requireNonNull(g, "graph");
    requireNonNull(o, "options");
    requireNonNull(wanted, "wanted");
    Set<Metric> asked = wanted.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(wanted);
    return new GraphMetrics(g, o, pageRankWarmStart, sideThreads, asked);
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

  /**
   * Wall-clock milliseconds per stage, for benchmarks and logs: renumber, pageRank, shortestPaths,
   * eigenvector, triangles, louvain (above 25,000 undirected edges the last two overlap the rest).
   */
  public Map<String, Double> stageMillis() {
    return Collections.unmodifiableMap(stageMillis);
  }

  /**
   * CPU milliseconds per stage (keys of {@link #stageMillis()}), summed over the threads that ran
   * it: meaningful where other work shares the cores; 0 where the JVM cannot measure it.
   */
  public Map<String, Double> stageCpuMillis() {
    return Collections.unmodifiableMap(stageCpuMillis);
  }

  /** Power iterations PageRank used (fewer after a good warm start). */
  public int pageRankIterations() {
    return pageRankIterations;
  }
}
