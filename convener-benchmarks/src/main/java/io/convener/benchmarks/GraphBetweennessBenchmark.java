package io.convener.benchmarks;

import io.convener.core.internal.graph.InteractionGraph;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.core.internal.graph.ShortestPaths;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
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
 * Exact weighted betweenness (Brandes, distance = 1 / undirected weight, normalised) of the graph
 * kernel against JGraphT 1.5's {@code BetweennessCentrality} in the same run, on the same
 * heavy-tailed {@link GraphWorkload} (default 3,000 members, 60,000 interactions: at 10,000 members JGraphT needs minutes per call on this machine). Convener's
 * also yields closeness from the same runs; it is timed on its two cores and on one. Each call is
 * long, so this is single-shot.
 *
 * <pre>{@code
 * ./mvnw -q -B package -DskipTests
 * java -jar convener-benchmarks/target/benchmarks.jar GraphBetweennessBenchmark -f 1 -wi 1 -i 2
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class GraphBetweennessBenchmark {
  @Param("3000")
  public int members;

  @Param("20")
  public int interactionsPerMember;

  private InteractionGraph convener;
  private Graph<Integer, DefaultWeightedEdge> jgrapht;
  private MetricOptions exact;
  private ForkJoinPool oneThread;

  @Setup(Level.Trial)
  public void setUp() {
    GraphWorkload workload = GraphWorkload.heavyTailed(members, members * interactionsPerMember, 2);
    convener = workload.build();
    jgrapht = JGraphTGraphs.undirectedDistances(workload);
    exact = MetricOptions.defaults().withExactLimit(Integer.MAX_VALUE);
    oneThread = new ForkJoinPool(1);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    oneThread.shutdown();
  }

  @Benchmark
  public double[] betweennessConvener() {
    return ShortestPaths.compute(convener, exact).betweenness();
  }

  @Benchmark
  public double[] betweennessConvenerOneThread() {
    return oneThread.submit(() -> ShortestPaths.compute(convener, exact).betweenness()).join();
  }

  @Benchmark
  public Map<Integer, Double> betweennessJGraphT() {
    return new BetweennessCentrality<>(jgrapht, true).getScores();
  }
}
