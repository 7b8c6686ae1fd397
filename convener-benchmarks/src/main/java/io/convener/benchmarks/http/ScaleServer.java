package io.convener.benchmarks.http;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import io.convener.http.auth.TokenVerifierSettings;
import io.convener.http.auth.TokenVerifiers;
import io.convener.http.ConvenerHttpServer;
import io.convener.http.HttpLimits;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of {@link HttpScale}, in a JVM of its own so that its heap, threads and file
 * descriptors are measured apart from the load generator's. It loads (once per directory) a warm
 * tenant of N synthetic members, a tenant whose {@value HttpScale#PUSH_MEMBERS} members consent to
 * direct notifications, and starts {@link ConvenerHttpServer} on loopback with the quotas lifted.
 * It prints {@code ready <base uri> <asOf> <team>}, then answers each {@code mem} line on stdin with
 * {@code mem <heap bytes after GC> <resident bytes> <threads>}, and exits when stdin closes.
 *
 * <p>Arguments: {@code <directory> <members> <threads>} (threads 0: the server's default; on
 * Jetty, the largest worker pool, which open streams do not hold).
 */
public final class ScaleServer {
  /**
   * The server's limits, but for the open streams per tenant: the benchmark opens all its idle
   * streams from one tenant, so the per-tenant cap (default 10,000) is lifted above any run's size.
   */
  static final HttpLimits LIMITS = HttpLimits.builder().maxStreamsPerTenant(1_000_000).build();

  private ScaleServer() {}

  /** Starts the server; see the class comment. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int members = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
    RateLimits unlimited = new RateLimits(new RateLimits.Quota(100_000_000, Duration.ofSeconds(1)), Map.of(), 1.0);
    ConvenerSettings settings = ConvenerSettings.defaults().withRateLimits(unlimited);
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(11).members(members).weeks(12)
        .eventsPerMemberPerWeek(rate()).build().generate();
    try (Convener convener = Conveners.builder().database(url).settings(settings).build()) {
      if (!Files.exists(dir.resolve("loaded"))) {
        long t0 = System.nanoTime();
        long events = load(convener, org);
        preparePush(convener);
        Files.writeString(dir.resolve("loaded"), events + " events\n");
        System.err.printf(Locale.ROOT, "loaded %d members and %d events in %.1f s%n", members, events,
            (System.nanoTime() - t0) / 1e9);
      }
      ConvenerHttpServer.Builder builder = ConvenerHttpServer.builder(convener, TokenVerifiers.create(
          TokenVerifierSettings.builder().issuer(BenchTokens.ISSUER).audience(BenchTokens.AUDIENCE)
              .hmacSecret(BenchTokens.KEY_ID, BenchTokens.secret()).build()))
          .bind("127.0.0.1", 0).limits(LIMITS);
      if (threads > 0) {
        builder.threads(threads);
      }
      try (ConvenerHttpServer server = builder.start()) {
        System.out.println("ready " + server.uri() + " " + org.end() + " " + org.teams().get(0).id().value());
        System.out.flush();
        serveCommands();
      }
    }
  }

  private static void serveCommands() throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("mem")) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("mem " + heap + " " + residentBytes() + " "
            + ManagementFactory.getThreadMXBean().getThreadCount());
        System.out.flush();
      }
    }
  }

  /**
   * The generator's activity rate that gives about 20 collaboration events per member over the 12
   * weeks, as {@code ChampionScale} measures it, so that "a warm 10k tenant" is the same tenant there
   * and here.
   */
  private static double rate() {
    GeneratedOrganisation probe = SyntheticOrganisation.builder().seed(11).members(2_000).weeks(12)
        .eventsPerMemberPerWeek(1).build().generate();
    long collaboration = probe.events().filter(e -> e.kind().isCollaboration()).count();
    return 20 * 2_000.0 / collaboration;
  }

  private static long residentBytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return -1;
  }

  private static long load(Convener convener, GeneratedOrganisation org) {
    Principal admin = Principal.of(TenantId.of(HttpScale.WARM_TENANT), "bench", Role.ADMIN);
    List<Member> all = org.members();
    for (int i = 0; i < all.size(); i += 10_000) {
      convener.ingest().submit(admin, all.subList(i, Math.min(all.size(), i + 10_000)), List.of());
    }
    long n = 0;
    List<Event> batch = new ArrayList<>(20_000);
    for (Iterator<Event> it = org.eventIterator(); it.hasNext(); n++) {
      batch.add(it.next());
      if (batch.size() == 20_000) {
        convener.ingest().submit(admin, List.of(), batch);
        batch.clear();
      }
    }
    convener.ingest().submit(admin, List.of(), batch);
    return n;
  }

  /** The push tenant: members who consent to direct notifications, as {@code SseLatency} sets them up. */
  private static void preparePush(Convener convener) {
    TenantId tenant = TenantId.of(HttpScale.PUSH_TENANT);
    Principal admin = Principal.of(tenant, "ops", Role.ADMIN);
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < HttpScale.PUSH_MEMBERS; i++) {
      members.add(Member.builder(MemberId.of("m-" + i)).build());
    }
    convener.ingest().submit(admin, members, List.of());
    List<Purpose> enabled = new ArrayList<>(Purpose.standard());
    enabled.add(NotificationDraft.DIRECT);
    convener.consent().setPolicy(admin, ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
    for (Member m : members) {
      convener.consent().grant(Principal.of(tenant, m.id().value(), Role.MEMBER), m.id(), NotificationDraft.DIRECT,
          "bench");
    }
  }
}
