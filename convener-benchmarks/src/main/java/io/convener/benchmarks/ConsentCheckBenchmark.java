package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.IngestReport;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import jakarta.inject.Inject;
import java.util.List;
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
 * The latency of one consent check as the services make it inside their gated calls, {@code
 * ConsentEngine.check(tenant, member, purpose)}, in-process with a warm cache: the figure behind the
 * goal "p95 under 1 ms". (A host's own check through the public {@code ConsentGate} adds the
 * choke point and its provenance entry.)
 *
 * <p>Setup, once: a synthetic organisation (seed 7, 12 weeks) whose members and consent events
 * (most members grant every purpose, some only a few, some none, some revoke later) are ingested
 * through Convener into an embedded H2 database; then every member is checked for every contract
 * purpose once, so that the cache holds every (tenant, purpose) entry. Each benchmark call checks a
 * random member for a random one of the five purposes; about a fifth of the answers are "no".
 * {@code SampleTime} mode reports the distribution, with p50, p90, p95, p99 and the maximum.
 *
 * <p>Run:
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -jar convener-benchmarks/target/benchmarks.jar ConsentCheckBenchmark -rf json -rff consent-check.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ConsentCheckBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final int CALLS = 1 << 14;

  /** Members of the synthetic organisation. */
  @Param({"800"})
  public int members;

  private Convener convener;
  private ConsentEngine gate;
  private MemberId[] subjects;
  private Purpose[] purposes;
  private int[] memberIndex;
  private int[] purposeIndex;

  /** The organisation's members and consent events, ingested; the cache warmed. */
  @Setup(Level.Trial)
  public void ingestAndWarm() {
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(7).members(members).weeks(12).build().generate();
    List<Event> consent = org.events().filter(e -> e.kind() == EventKind.CONSENT).toList();
    EngineHolder holder = new EngineHolder();
    convener = Conveners.builder().database("jdbc:h2:mem:consent-bench-" + UUID.randomUUID())
        .module(binder -> binder.requestInjection(holder))
        .build();
    IngestReport report = convener.ingest().submit(Principal.of(TENANT, "benchmark", Role.ADMIN), org.members(), consent);
    if (report.events() != consent.size()) {
      throw new IllegalStateException("ingested " + report.events() + " of " + consent.size() + " consent events");
    }
    gate = holder.engine;
    subjects = org.members().stream().map(Member::id).toArray(MemberId[]::new);
    purposes = Purpose.standard().toArray(Purpose[]::new);
    int granted = 0;
    for (MemberId m : subjects) {
      for (Purpose p : purposes) {
        granted += gate.check(TENANT, m, p) ? 1 : 0;
      }
    }
    SplittableRandom random = new SplittableRandom(11);
    memberIndex = random.ints(CALLS, 0, subjects.length).toArray();
    purposeIndex = random.ints(CALLS, 0, purposes.length).toArray();
    System.out.printf("%n%d members, %d consent events, %d of %d (member, purpose) pairs granted%n",
        subjects.length, consent.size(), granted, subjects.length * purposes.length);
  }

  /** Closes the store. */
  @TearDown(Level.Trial)
  public void close() {
    convener.close();
  }

  /** Receives the engine the services use from the Convener's injector. */
  static final class EngineHolder {
    @Inject ConsentEngine engine;
  }

  /** Where each thread is in the pre-drawn sequence of (member, purpose) pairs. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** One check of a random member for a random purpose. */
  @Benchmark
  public boolean check(Cursor cursor) {
    int i = cursor.next++ & (CALLS - 1);
    return gate.check(TENANT, subjects[memberIndex[i]], purposes[purposeIndex[i]]);
  }
}
