package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * The time of one {@code InnovationSpread.spread} call over a cascade of {@code adoptions}
 * adoptions, end to end: the scan of the tenant's innovation and adoption events, the lineage
 * linking, the metrics (structural virality by subtree sizes, Bass fit), the consent filter and
 * the provenance entry with one {@code wasDerivedFrom} entity per edge. Sizes a decade apart show
 * whether the cost grows linearly.
 *
 * <p>Setup, once per size: an embedded H2 database (in memory) with one innovation and {@code
 * adoptions} adoptions, each by its own team, learned ({@code attrs.fromTeam}) from a uniformly
 * random earlier team (a random recursive tree, depth about ln n), one adoption per hour.
 *
 * <p>Run:
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -jar convener-benchmarks/target/benchmarks.jar InnovationSpreadBenchmark -rf json -rff innovation.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class InnovationSpreadBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final Principal OPERATOR = Principal.of(TENANT, "benchmark", Role.ADMIN);
  private static final EventId INNOVATION = EventId.of("i0");
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  /** Adoptions in the cascade. */
  @Param({"1000", "10000", "100000"})
  public int adoptions;

  private Convener convener;

  /** The cascade, ingested. */
  @Setup(Level.Trial)
  public void ingest() {
    ConvenerSettings settings = ConvenerSettings.defaults()
        .withRateLimits(RateLimits.defaults().with("innovation.spread", new RateLimits.Quota(1_000_000, Duration.ofSeconds(1))));
    convener = Conveners.builder().database("jdbc:h2:mem:innovation-bench-" + UUID.randomUUID()).settings(settings).build();
    SplittableRandom random = new SplittableRandom(2016);
    List<Event> events = new ArrayList<>(adoptions + 1);
    events.add(Event.builder(INNOVATION, T0, EventKind.INNOVATION, MemberId.of("m0")).team(TeamId.of("team-0")).build());
    for (int i = 1; i <= adoptions; i++) {
      int from = random.nextInt(i);
      events.add(Event.builder(EventId.of("a" + i), T0.plus(Duration.ofHours(i)), EventKind.ADOPTION, MemberId.of("m" + i))
          .team(TeamId.of("team-" + i)).refs(INNOVATION).attrs(Attrs.of(Map.of("fromTeam", "team-" + from))).build());
    }
    IngestReport report = convener.ingest().submit(OPERATOR, List.of(), events);
    if (report.events() != events.size()) {
      throw new IllegalStateException("ingested " + report.events() + " of " + events.size() + " events");
    }
    SpreadReport r = convener.innovation().spread(OPERATOR, INNOVATION);
    System.out.printf("%n%d adoptions: depth %d, max breadth %d, structural virality %.3f%n",
        r.adoptions(), r.depth(), r.maxBreadth(), r.structuralVirality());
  }

  /** Closes the store. */
  @TearDown(Level.Trial)
  public void close() {
    convener.close();
  }

  /** One spread of the whole cascade. */
  @Benchmark
  public SpreadReport spread() {
    return convener.innovation().spread(OPERATOR, INNOVATION);
  }
}
