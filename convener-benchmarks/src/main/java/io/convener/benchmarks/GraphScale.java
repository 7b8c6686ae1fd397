package io.convener.benchmarks;

import io.convener.core.internal.graph.GraphMetrics;
import io.convener.core.internal.graph.InteractionGraph;
import io.convener.core.internal.graph.MetricOptions;
import java.util.Locale;

/**
 * Times the graph kernel at the sizes of issue 4 on heavy-tailed {@link GraphWorkload}s: graph
 * build from the interaction arrays, then every metric with default options (sampled betweenness
 * and closeness above 5,000 members), reporting each stage and the heap bytes per directed edge.
 * Prints wall and CPU time per stage (Louvain and the triangle metrics overlap the others) and
 * the load average. Runs each size {@code rounds} times and prints every round (the first includes JIT warm-up).
 * Arguments: members (default 100,000), rounds (3), samples (the default of {@link MetricOptions}).
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -Xmx4g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.GraphScale 100000 3
 * java -Xmx4g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.GraphScale 1000000 2
 * </pre>
 */
public final class GraphScale {
  private GraphScale() {}

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static java.util.Map<String, Long> rounded(java.util.Map<String, Double> millis) {
    java.util.Map<String, Long> r = new java.util.LinkedHashMap<>();
    millis.forEach((k, v) -> r.put(k, Math.round(v)));
    return r;
  }

  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    MetricOptions options = args.length > 2
        ? MetricOptions.defaults().withSamples(Integer.parseInt(args[2])) : MetricOptions.defaults();
    int interactions = members * 20;
    GraphWorkload w = GraphWorkload.heavyTailed(members, interactions, 1);
    System.out.printf(Locale.ROOT, "members %d, interactions %d, cores %d, max heap %d MiB%n",
        members, interactions, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    for (int round = 1; round <= rounds; round++) {
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      InteractionGraph g = w.build();
      long t1 = System.nanoTime();
      GraphMetrics m = GraphMetrics.compute(g, options);
      long t2 = System.nanoTime();
      long cpu2 = cpu();
      System.out.printf(Locale.ROOT,
          "round %d: build %.0f ms, metrics %.0f ms, total %.0f ms (process CPU %.0f ms); directed edges %d, undirected %d,"
              + " %.1f bytes/directed edge; iterations pagerank %d eigenvector %d; stages wall %s; stages CPU %s;"
              + " load average %.2f; betweenness %s%n",
          round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, (cpu2 - cpu0) / 1e6, g.directedEdgeCount(),
          g.undirectedEdgeCount(), (double) g.estimatedHeapBytes() / g.directedEdgeCount(),
          m.pageRankIterations(), m.eigenvectorIterations(), rounded(m.stageMillis()), rounded(m.stageCpuMillis()),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          m.betweennessExactness());
    }
  }
}
