package io.convener.benchmarks;

import io.convener.core.internal.graph.InteractionGraph;
import java.util.Locale;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Heap held by the graph kernel's {@link InteractionGraph} and by JGraphT's {@code
 * DefaultDirectedWeightedGraph} for the same {@link GraphWorkload}, measured as the growth of the
 * used heap after full collections, and per directed edge. Also prints the kernel's own estimate.
 *
 * <pre>{@code java -Xmx8g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.GraphFootprint 100000}</pre>
 */
public final class GraphFootprint {
  private GraphFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    GraphWorkload w = GraphWorkload.heavyTailed(members, members * 20, 1);
    long before = used();
    InteractionGraph g = w.build();
    long convener = used() - before;
    before = used();
    Graph<Integer, DefaultWeightedEdge> j = JGraphTGraphs.directed(w);
    long jgrapht = used() - before;
    long edges = g.directedEdgeCount();
    System.out.printf(Locale.ROOT,
        "members %d, interactions %d, directed edges %d (JGraphT %d)%n"
            + "Convener: %.1f MiB measured, %.1f bytes/edge (estimatedHeapBytes %.1f bytes/edge)%n"
            + "JGraphT:  %.1f MiB measured, %.1f bytes/edge%n",
        members, w.interactions(), edges, j.edgeSet().size(),
        convener / 1048576.0, (double) convener / edges, (double) g.estimatedHeapBytes() / edges,
        jgrapht / 1048576.0, (double) jgrapht / edges);
  }

  private static long used() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
