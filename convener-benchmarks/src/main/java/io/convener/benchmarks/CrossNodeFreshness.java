package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.jdbc.JdbcSettings;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-node freshness: two Convener nodes (two injectors, each with its own caches and poller) on
 * one store. Node A commits one event at a time; the runner measures how long until node B's cached
 * state holds it with nobody asking B (B's ingest feed reached A's change: the background poll), and
 * separately checks that B's very next request after A's commit counts it. Reports p50, p99 and max.
 * Not a timed test; run by hand:
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.CrossNodeFreshness [commits] [jdbc-url user password]
 * </pre>
 *
 * Without a URL it uses an SQLite file in a temporary directory.
 */
public final class CrossNodeFreshness {
  private static final TenantId TENANT = TenantId.of("fresh");
  private static final Principal ADMIN = Principal.of(TENANT, "admin", Role.ADMIN);

  /** Node B's feed, injected by its injector. */
  static final class Internals {
    @Inject IngestFeed feed;
    @Inject io.convener.spi.storage.ChangeStore changes;
  }

  private CrossNodeFreshness() {}

  /** Defaults: 300 commits on an SQLite file. */
  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    JdbcSettings store = args.length > 1
        ? new JdbcSettings(args[1], args.length > 2 ? args[2] : "", Optional.ofNullable(args.length > 3 ? args[3] : null))
        : JdbcSettings.sqlite(Files.createTempDirectory("convener-freshness").resolve("shared.db"));
    RateLimits.Quota plenty = new RateLimits.Quota(1_000_000, Duration.ofSeconds(1));
    ConvenerSettings settings = ConvenerSettings.defaults()
        .withRateLimits(new RateLimits(plenty, java.util.Map.of()).withSubjectShare(1));
    Internals ofB = new Internals();
    try (Convener a = Conveners.builder().settings(settings).inMemoryKeys().database(store).build();
        Convener b = Conveners.builder().settings(settings).inMemoryKeys().database(store)
            .module(binder -> binder.requestInjection(ofB)).build()) {
      List<Member> members = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        members.add(Member.of(MemberId.of("m" + i)));
      }
      Instant at = Instant.parse("2026-01-01T00:00:00Z");
      a.ingest().submit(ADMIN, members, List.of(reply("e-0", 0, at)));
      ChampionQuery query = ChampionQuery.builder().asOf(at.plus(Duration.ofDays(1))).build();
      long seen = b.champions().rank(ADMIN, query).graph().eventsInWindow();
      long[] poll = new long[commits];
      int nextRequestMisses = 0;
      for (int i = 1; i <= commits; i++) {
        a.ingest().submit(ADMIN, List.of(), List.of(reply("e-" + i, i, at.plusSeconds(i))));
        long committed = ofB.changes.current(TENANT);
        long start = System.nanoTime();
        while (ofB.feed.position(TENANT) < committed) {
          Thread.onSpinWait();
        }
        poll[i - 1] = System.nanoTime() - start;
        if (i % 10 == 0) {
          long now = b.champions().rank(ADMIN, query).graph().eventsInWindow();
          nextRequestMisses += now == seen + i ? 0 : 1;
        }
      }
      Arrays.sort(poll);
      System.out.printf(Locale.ROOT, "store %s, %d commits on node A%n", store.describe(), commits);
      System.out.printf(Locale.ROOT, "node B cached state (background poll): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          ms(poll[poll.length / 2]), ms(poll[(int) Math.ceil(poll.length * 0.99) - 1]), ms(poll[poll.length - 1]));
      System.out.printf(Locale.ROOT, "node B next request after a commit missed it: %d of %d%n", nextRequestMisses,
          commits / 10);
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static Event reply(String id, int i, Instant at) {
    return Event.builder(EventId.of(id), at, EventKind.REPLY, MemberId.of("m" + (i % 100)))
        .targets(List.of(MemberId.of("m" + ((i + 1) % 100)))).build();
  }
}
