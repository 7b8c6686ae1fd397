package io.convener.benchmarks;

import io.convener.core.internal.graph.InteractionGraph;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.core.internal.graph.PageRank;
import io.convener.core.internal.graph.ShortestPaths;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Checks that {@link GraphBenchmark} and {@link GraphBetweennessBenchmark} compare like with like:
 * on one workload, the largest difference between Convener's and JGraphT's PageRank (same
 * iterations) and exact betweenness, and one timed call of each.
 *
 * <pre>{@code java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.GraphCrossCheck 10000}</pre>
 */
public final class GraphCrossCheck {
  private GraphCrossCheck() {}

  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    GraphWorkload w = GraphWorkload.heavyTailed(members, members * 20, 2);
    InteractionGraph g = w.build();
    Graph<Integer, DefaultWeightedEdge> directed = JGraphTGraphs.directed(w);
    Graph<Integer, DefaultWeightedEdge> distances = JGraphTGraphs.undirectedDistances(w);
    double[] pr = PageRank.compute(g, Double.MIN_VALUE, GraphBenchmark.ITERATIONS, null).rank();
    Map<Integer, Double> jpr = new org.jgrapht.alg.scoring.PageRank<>(
        directed, PageRank.DAMPING, GraphBenchmark.ITERATIONS, Double.MIN_VALUE).getScores();
    long t0 = System.nanoTime();
    double[] bc = ShortestPaths.compute(g, MetricOptions.defaults().withExactLimit(Integer.MAX_VALUE)).betweenness();
    long t1 = System.nanoTime();
    Map<Integer, Double> jbc = new BetweennessCentrality<>(distances, true).getScores();
    long t2 = System.nanoTime();
    double prDiff = 0;
    double bcDiff = 0;
    double bcMax = 0;
    for (int v = 0; v < members; v++) {
      prDiff = Math.max(prDiff, Math.abs(pr[v] - jpr.get(v)));
      // JGraphT normalises undirected betweenness by (n-1)(n-2), NetworkX and Convener by
      // (n-1)(n-2)/2: JGraphT's values are half of the contract's.
      bcDiff = Math.max(bcDiff, Math.abs(bc[v] - 2 * jbc.get(v)));
      bcMax = Math.max(bcMax, bc[v]);
    }
    System.out.printf(Locale.ROOT,
        "members %d, directed edges %d: max |PageRank diff| %.3g; max |betweenness diff| %.3g"
            + " (largest betweenness %.4f); betweenness Convener %.0f ms, JGraphT %.0f ms%n",
        members, g.directedEdgeCount(), prDiff, bcDiff, bcMax, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }
}
