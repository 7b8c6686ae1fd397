package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import io.convener.testing.synthetic.SyntheticTeam;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The pulse's two latency goals, measured by hand on an H2 file database (a runner main rather than
 * JMH, because loading millions of events is a one-off of minutes):
 *
 * <ol>
 *   <li><b>Query</b>: {@code PulseAggregator.pulse} of one random team (28-day window and its
 *       three-window baseline) through the choke point, provenance entry included, with the
 *       tenant's rollup warm. Goal: p99 under 20 ms.
 *   <li><b>Ingest to visible</b>: from the start of {@code IngestService.submit} of one new message
 *       to the return of the first pulse that counts it. Goal: under 1 s.
 *   <li>Also: the CPU time of each query on the calling thread, which the machine's load does not
 *       stretch as it stretches wall-clock time; the choke point alone (a {@code pulse.settings} call: tenant and role checks, rate
 *       limit, one provenance entry), to tell the pulse's own work from the entry it writes; and
 *       the cold start, the first pulse after opening the database in a new Convener: from the
 *       day digests ingestion wrote, then with the digests deleted (the load reads every event and
 *       writes the digests back), then from those.
 * </ol>
 *
 * <p>The synthetic organisation (seed 7) grows with {@code members} and {@code weeks}; the events
 * are ingested while the rollup listens, as a running host's would.
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -Xmx6g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.PulseBenchmark [members] [weeks] [queries]
 * java -Xmx6g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.PulseBenchmark cold JDBC_URL members weeks
 * </pre>
 *
 * <p>The second form times only the cold start, on a database an earlier run left behind (its
 * directory is printed by neither form: it is the newest {@code pulse-bench-*} in the temporary
 * directory).
 */
public final class PulseBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final Principal ADMIN = Principal.of(TENANT, "benchmark", Role.ADMIN);

  private PulseBenchmark() {}

  /** Loads, then measures; prints one line per figure. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("cold")) {
      coldStart(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 26;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(7).members(members).weeks(weeks).build().generate();
    Path dir = Files.createTempDirectory("pulse-bench-");
    String url = "jdbc:h2:file:" + dir.resolve("db");
    ConvenerSettings settings = ConvenerSettings.defaults()
        .withRateLimits(RateLimits.defaults()
            .with("pulse.report", new RateLimits.Quota(1_000_000_000L, Duration.ofSeconds(1)))
            .with("pulse.settings", new RateLimits.Quota(1_000_000_000L, Duration.ofSeconds(1))));
    Instant asOf = org.end();
    List<SyntheticTeam> teams = org.teams();
    long events;
    try (Convener convener = Conveners.builder().database(url).settings(settings).build()) {
      convener.ingest().submit(ADMIN, org.members(), List.of());
      convener.pulse().report(ADMIN, PulseRequest.of(PulseScope.tenant(), asOf));
      long t0 = System.nanoTime();
      events = load(convener, org);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "loaded %,d events of %,d members in %d teams (%d weeks) in %.0f s (%,.0f events/s, rollup listening)%n",
          events, members, teams.size(), weeks, loadSeconds, events / loadSeconds);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "heap used after GC: %,d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < Math.min(queries, 500); i++) {
        pulse(convener, teams.get(random.nextInt(teams.size())), asOf);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] query = new long[queries];
      long[] cpu = new long[queries];
      for (int i = 0; i < queries; i++) {
        SyntheticTeam team = teams.get(random.nextInt(teams.size()));
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        pulse(convener, team, asOf);
        query[i] = System.nanoTime() - start;
        cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
      }
      print("pulse of one team (warm)", query);
      print("  same calls, CPU time of the caller", cpu);
      long[] gate = new long[queries];
      for (int i = 0; i < queries; i++) {
        long start = System.nanoTime();
        convener.pulse().settings(ADMIN);
        gate[i] = System.nanoTime() - start;
      }
      print("choke point alone (pulse.settings)", gate);

      int trials = 200;
      long[] visible = new long[trials];
      for (int i = 0; i < trials; i++) {
        SyntheticTeam team = teams.get(random.nextInt(teams.size()));
        MemberId author = team.members().get(0);
        Instant at = asOf.minusSeconds(3600);
        double before = pulse(convener, team, asOf.plusSeconds(1)).metrics().get(PulseMetric.EVENTS_PER_MEMBER).orElse(0);
        long ingest = System.nanoTime();
        convener.ingest().submit(ADMIN, List.of(), List.of(Event.builder(EventId.of("bench-visible-" + i), at,
            EventKind.MESSAGE, author).team(team.id()).build()));
        double after;
        do {
          after = pulse(convener, team, asOf.plusSeconds(1)).metrics().get(PulseMetric.EVENTS_PER_MEMBER).orElse(0);
        } while (after <= before && System.nanoTime() - ingest < 60_000_000_000L);
        visible[i] = System.nanoTime() - ingest;
        if (after <= before) {
          throw new IllegalStateException("the ingested event never became visible");
        }
      }
      print("ingest one event -> visible in pulse", visible);
    }
    System.out.printf(Locale.ROOT, "cold start on %,d events:%n", events);
    coldStart(url, members, weeks);
  }

  /**
   * Only the cold start, on a database an earlier run loaded: {@code cold JDBC_URL members weeks}.
   * First from the day digests ingestion wrote; then, with the digests deleted, from the events
   * (the first load of a tenant without digests reads them all and writes the digests back).
   */
  private static void coldStart(String url, int members, int weeks) throws SQLException {
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(7).members(members).weeks(weeks).build().generate();
    firstPulse(url, org, "from the day digests");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM pulse_days");
      s.executeUpdate("DELETE FROM pulse_digest_heads");
    }
    firstPulse(url, org, "without digests (reads every event, writes the digests)");
    firstPulse(url, org, "from the digests that load wrote");
  }

  private static void firstPulse(String url, GeneratedOrganisation org, String how) {
    try (Convener reopened = Conveners.builder().database(url).build()) {
      long start = System.nanoTime();
      PulseReport r = pulse(reopened, org.teams().get(0), org.end());
      System.out.printf(Locale.ROOT, "cold start %s: first pulse (28-day window) in a new Convener took %.2f s; %s has %d"
          + " members%n", how, (System.nanoTime() - start) / 1e9, org.teams().get(0).id(), r.metrics().members());
      start = System.nanoTime();
      pulse(reopened, org.teams().get(1), org.end());
      System.out.printf(Locale.ROOT, "  then a pulse of another team: %.2f ms%n", (System.nanoTime() - start) / 1e6);
    }
  }

  private static PulseReport pulse(Convener convener, SyntheticTeam team, Instant asOf) {
    return convener.pulse().report(ADMIN, PulseRequest.of(PulseScope.team(team.id()), asOf));
  }

  private static long load(Convener convener, GeneratedOrganisation org) {
    long events = 0;
    List<Event> chunk = new ArrayList<>(100_000);
    for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
      chunk.add(it.next());
      if (chunk.size() == 100_000 || !it.hasNext()) {
        events += convener.ingest().submit(ADMIN, List.<Member>of(), chunk).events();
        chunk.clear();
        System.err.printf("\r%,d events", events);
      }
    }
    System.err.println();
    return events;
  }

  private static void print(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%-40s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, s.length,
        at(s, 0.50), at(s, 0.90), at(s, 0.99), s[s.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
