package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Champion discovery at scale, end to end through the public API: a synthetic organisation of N
 * members (heavy-tailed activity, teams, cohorts, connectors) with about 20 collaboration events
 * per member over 12 weeks is ingested into an H2 file database; then a new Convener on that
 * database answers a champion request cold (load from the store, graph build, every metric with
 * sampled betweenness above 5,000 members, scoring, consent, evidence); new Conveners answer it
 * again from the store with the JIT warm; the last one answers with the window moved (in memory)
 * and, warm, repeat requests after each of several batches of 1,000 new events. Prints wall
 * times and the heap in use.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -Xmx4g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.ChampionScale 100000 [dir] [repeats]
 * </pre>
 *
 * A database directory that already holds the organisation (from an earlier run with the same N)
 * is reused, so the slow load is paid once.
 *
 * <p>The structure of a graph ranked before (betweenness, constraint, communities) is stored, so
 * on a reused database the cold and from-the-store requests read it rather than compute it
 * whenever their window graph is one some earlier run ranked; remove the stream {@code
 * champion.structure.v1} from {@code event_blocks} to measure the computation.
 */
public final class ChampionScale {
  private static final TenantId TENANT = TenantId.of("scale");
  private static final Principal ADMIN = Principal.of(TENANT, "bench", Role.ADMIN);
  /** Collaboration events the generator makes per member at one action per week, measured: see {@link #rate}. */
  private static final int TARGET_PER_MEMBER = 20;
  private static final long RUN = System.currentTimeMillis();

  private ChampionScale() {}

  /** Runs the scenario; see the class comment. */
  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Path.of("target", "champion-scale-" + members);
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
    boolean loaded = Files.exists(dir.resolve("loaded"));
    SyntheticOrganisation settings = SyntheticOrganisation.builder().seed(11).members(members).weeks(12)
        .eventsPerMemberPerWeek(rate()).build();
    ConvenerSettings cs = ConvenerSettings.defaults()
        .withRateLimits(RateLimits.defaults().with("ingest", new RateLimits.Quota(1_000_000, Duration.ofMinutes(1))));
    if (!loaded) {
      long t0 = System.nanoTime();
      long[] counts = load(settings.generate(), url, cs);
      Files.writeString(dir.resolve("loaded"), counts[0] + " collaboration events\n");
      System.out.printf(Locale.ROOT, "loaded %d members, %d collaboration events, %d consent events in %.1f s%n",
          members, counts[0], counts[1], (System.nanoTime() - t0) / 1e9);
    }
    Instant asOf = settings.end();
    ChampionQuery query = ChampionQuery.builder().asOf(asOf).limit(20).build();
    ChampionRanking cold;
    try (Convener c = Conveners.builder().database(url).settings(cs).build()) {
      long t0 = System.nanoTime();
      cold = c.champions().rank(ADMIN, query);
      double coldS = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT,
          "cold: %.2f s  (nodes %d, edges %d, events in window %d, listed %d, withheld %d, betweenness %s)%n",
          coldS, cold.graph().nodes(), cold.graph().edges(), cold.graph().eventsInWindow(), cold.champions().size(),
          cold.withheld(), cold.betweenness().method() + (cold.betweenness().exact() ? "" : " samples="
              + cold.betweenness().samples() + " bound=" + cold.betweenness().errorBound()));
    }
    // Full discovery from the store again, in this process that has now run it (the JIT warm, as
    // after a JMH warm-up): each run opens a new Convener, so the tenant's members, events and
    // consent are read from the store and every graph, metric and score is computed anew. This is
    // what a node sees when it takes over a tenant, or after the tenant left its memory. The last
    // run's Convener stays open for the steps after.
    int storeRuns = Math.max(1, Math.min(3, repeats));
    double[] fromStore = new double[storeRuns];
    for (int r = 0; r < storeRuns - 1; r++) {
      try (Convener c = Conveners.builder().database(url).settings(cs).build()) {
        fromStore[r] = timed(c, query);
      }
    }
    try (Convener c = Conveners.builder().database(url).settings(cs).build()) {
      fromStore[storeRuns - 1] = timed(c, query);
      Arrays.sort(fromStore);
      System.out.printf(Locale.ROOT,
          "from the store, in a process that ran it before (new Convener each run): median %.2f s, min %.2f, max %.2f (%d runs)%n",
          fromStore[storeRuns / 2], fromStore[0], fromStore[storeRuns - 1], storeRuns);
      long t0;
      for (int d = 1; d <= 3; d++) {
        ChampionQuery moved = ChampionQuery.builder().asOf(asOf.minus(Duration.ofDays(2L * d))).limit(20).build();
        t0 = System.nanoTime();
        c.champions().rank(ADMIN, moved);
        System.out.printf(Locale.ROOT,
            "in memory, window moved %d days (graph build from the snapshot, every metric, scoring): %.2f s%n",
            2 * d, (System.nanoTime() - t0) / 1e9);
      }
      t0 = System.nanoTime();
      c.champions().rank(ADMIN, query);
      System.out.printf(Locale.ROOT, "in memory, back to the first window: %.2f s%n", (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      c.champions().rank(ADMIN, query);
      System.out.printf(Locale.ROOT, "repeat, no new events: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      double[] warm = new double[repeats];
      List<MemberId> ids = settings.generate().members().stream().map(Member::id).toList();
      for (int r = 0; r < repeats; r++) {
        c.ingest().submit(ADMIN, List.of(), newEvents(ids, r, asOf));
        t0 = System.nanoTime();
        ChampionRanking after = c.champions().rank(ADMIN, query);
        warm[r] = (System.nanoTime() - t0) / 1e6;
        if (after.graph().eventsInWindow() != cold.graph().eventsInWindow() + 1000L * (r + 1)) {
          throw new IllegalStateException("the repeat did not see the new events: " + after.graph());
        }
      }
      Arrays.sort(warm);
      System.out.printf(Locale.ROOT, "repeat after 1,000 new events: median %.0f ms, min %.0f, max %.0f (%d runs)%n",
          warm[repeats / 2], warm[0], warm[repeats - 1], repeats);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "heap in use after GC: %d MiB of max %d MiB%n",
          (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
  }

  private static double timed(Convener c, ChampionQuery query) {
    System.gc();
    long t0 = System.nanoTime();
    c.champions().rank(ADMIN, query);
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * The generator's actions per member per week that give about {@value #TARGET_PER_MEMBER}
   * collaboration events per member over 12 weeks: measured on 2,000 members at 1 action a week.
   */
  static double rate() {
    GeneratedOrganisation probe = SyntheticOrganisation.builder().seed(11).members(2_000).weeks(12)
        .eventsPerMemberPerWeek(1).build().generate();
    long collab = probe.events().filter(e -> e.kind().isCollaboration()).count();
    return TARGET_PER_MEMBER * 2_000.0 / collab;
  }

  private static long[] load(GeneratedOrganisation org, String url, ConvenerSettings cs) {
    long collab = 0;
    long consent = 0;
    try (Convener c = Conveners.builder().database(url).settings(cs).build()) {
      List<Member> all = org.members();
      for (int i = 0; i < all.size(); i += 10_000) {
        c.ingest().submit(ADMIN, all.subList(i, Math.min(all.size(), i + 10_000)), List.of());
      }
      List<Event> batch = new ArrayList<>(20_000);
      for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
        Event e = it.next();
        if (e.kind().isCollaboration()) {
          collab++;
        } else if (e.kind() == EventKind.CONSENT) {
          consent++;
        } else {
          continue;
        }
        batch.add(e);
        if (batch.size() == 20_000) {
          c.ingest().submit(ADMIN, List.of(), batch);
          batch.clear();
        }
      }
      c.ingest().submit(ADMIN, List.of(), batch);
    }
    return new long[] {collab, consent};
  }

  /** 1,000 replies between members in the last day before {@code asOf}, distinct per round. */
  private static List<Event> newEvents(List<MemberId> ids, int round, Instant asOf) {
    List<Event> out = new ArrayList<>(1000);
    long x = 0x9E3779B97F4A7C15L * (round + 1);
    for (int i = 0; i < 1000; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      MemberId a = ids.get((int) Math.floorMod(x, (long) ids.size()));
      MemberId b = ids.get((int) Math.floorMod(x >>> 20, (long) ids.size()));
      if (a.equals(b)) {
        b = ids.get((ids.indexOf(a) + 1) % ids.size());
      }
      out.add(Event.builder(EventId.of("bench-" + RUN + "-" + round + "-" + i), asOf.minusSeconds(3600 + i), EventKind.REPLY, a)
          .targets(b).build());
    }
    return out;
  }
}
