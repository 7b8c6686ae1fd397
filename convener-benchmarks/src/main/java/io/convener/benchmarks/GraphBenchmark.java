package io.convener.benchmarks;

import io.convener.core.internal.graph.InteractionGraph;
import io.convener.core.internal.graph.PageRank;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Graph build and PageRank of the graph kernel against JGraphT 1.5 in the same run, on the same
 * heavy-tailed {@link GraphWorkload} (default 100,000 members, 2,000,000 interactions). Build:
 * from the interaction arrays to a directed weighted graph, repeated pairs summed (Convener's CSR
 * builder; JGraphT's {@code DefaultDirectedWeightedGraph}). PageRank: damping 0.85, exactly
 * {@value #ITERATIONS} power iterations each (tolerance set so that neither stops early), on
 * Convener's two cores and on one ({@code pageRankConvenerOneThread}); JGraphT's is
 * single-threaded.
 *
 * <pre>{@code
 * ./mvnw -q -B package -DskipTests
 * java -jar convener-benchmarks/target/benchmarks.jar 'GraphBenchmark\.' -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class GraphBenchmark {
  static final int ITERATIONS = 20;

  @Param("100000")
  public int members;

  @Param("20")
  public int interactionsPerMember;

  private GraphWorkload workload;
  private InteractionGraph convener;
  private Graph<Integer, DefaultWeightedEdge> jgrapht;
  private ForkJoinPool oneThread;

  @Setup(Level.Trial)
  public void setUp() {
    workload = GraphWorkload.heavyTailed(members, members * interactionsPerMember, 1);
    convener = workload.build();
    jgrapht = JGraphTGraphs.directed(workload);
    oneThread = new ForkJoinPool(1);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    oneThread.shutdown();
  }

  @Benchmark
  public InteractionGraph buildConvener() {
    return workload.build();
  }

  @Benchmark
  public Graph<Integer, DefaultWeightedEdge> buildJGraphT() {
    return JGraphTGraphs.directed(workload);
  }

  @Benchmark
  public double[] pageRankConvener() {
    return PageRank.compute(convener, Double.MIN_VALUE, ITERATIONS, null).rank();
  }

  @Benchmark
  public double[] pageRankConvenerOneThread() {
    return oneThread.submit(() -> PageRank.compute(convener, Double.MIN_VALUE, ITERATIONS, null).rank()).join();
  }

  @Benchmark
  public Map<Integer, Double> pageRankJGraphT() {
    return new org.jgrapht.alg.scoring.PageRank<>(jgrapht, PageRank.DAMPING, ITERATIONS, Double.MIN_VALUE).getScores();
  }
}
