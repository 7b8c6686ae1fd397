package io.convener.benchmarks;

import io.convener.core.internal.graph.InteractionGraph;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.core.internal.graph.ShortestPaths;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Times sampled betweenness and closeness alone ({@link ShortestPaths#compute}, which makes its
 * own breadth-first renumbered copy) in a one-thread fork-join pool on a heavy-tailed
 * {@link GraphWorkload}, reporting the thread CPU time of each round: a figure that other work on
 * the machine disturbs far less than wall time. Arguments: members (default 100,000), rounds (3),
 * samples (the default of {@link MetricOptions}).
 *
 * <pre>
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.GraphShortestPathsScale 100000 3
 * java -Xmx4g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.GraphShortestPathsScale 1000000 2 4
 * </pre>
 */
public final class GraphShortestPathsScale {
  private GraphShortestPathsScale() {}

  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    MetricOptions options = args.length > 2
        ? MetricOptions.defaults().withSamples(Integer.parseInt(args[2])) : MetricOptions.defaults();
    InteractionGraph g = GraphWorkload.heavyTailed(members, members * 20, 1).build();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      for (int round = 1; round <= rounds; round++) {
        int r = round;
        one.submit(() -> {
          long cpu0 = threads.getCurrentThreadCpuTime();
          ShortestPaths.Result result = ShortestPaths.compute(g, options);
          System.out.printf(Locale.ROOT, "round %d: thread CPU %.0f ms, %s%n", r,
              (threads.getCurrentThreadCpuTime() - cpu0) / 1e6, result.betweennessExactness());
        }).join();
      }
    } finally {
      one.shutdown();
    }
  }
}
