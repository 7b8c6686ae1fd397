package io.convener.benchmarks;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.notify.Notification;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.notify.Subscription;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import io.convener.core.notify.NotifySettings;
import io.convener.spi.notify.NotificationChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Several Convener nodes on one PostgreSQL database, each in a fresh schema: (1) relay throughput,
 * the messages per second one node's relay and two nodes' relays deliver from an outbox filled
 * beforehand (approval requests to 100 recipients, relays stopped meanwhile) to a channel that only
 * counts; (2) cross-node stream latency, from an approval request on node A, whose relay delivers
 * it, to the moment a subscription on node B (which does not relay) receives it, as an SSE stream
 * on B would: p50, p99 and max. Not a timed test; run by hand against a server, with the URL
 * carrying the credentials:
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.NotifyScaleOutRunner \
 *     'jdbc:postgresql://HOST:5432/DB?user=USER&amp;password=PASSWORD' [messages] [latencyRequests]
 * </pre>
 */
public final class NotifyScaleOutRunner {
  private static final TenantId TENANT = TenantId.of("scaleout");
  private static final int SUBJECTS = 100;
  private static final Principal ADMIN = Principal.of(TENANT, "admin", Role.ADMIN);
  private static final Principal MANAGER = Principal.of(TENANT, "manager", Role.COMMUNITY_MANAGER);

  private NotifyScaleOutRunner() {}

  /** Defaults: 4,000 messages for throughput, 500 measured requests (after 50) for latency. */
  public static void main(String[] args) throws Exception {
    String server = args[0];
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    for (int nodes = 1; nodes <= 2; nodes++) {
      throughput(server, nodes, messages);
    }
    latency(server, requests, 50);
  }

  private static void throughput(String server, int nodes, int messages) throws Exception {
    String schema = createSchema(server);
    Path keys = Files.createTempDirectory("convener-scaleout-keys");
    try (Convener producer = node(server, schema, keys, NotifySettings.defaults().manual(), null)) {
      setUp(producer);
      for (int i = 0; i < messages; i++) {
        producer.approvals().request(MANAGER, MemberId.of("s" + (i % SUBJECTS)), Purpose.PROFILE_SHARE, "t-" + i);
      }
    }
    AtomicInteger delivered = new AtomicInteger();
    long start = System.nanoTime();
    List<Convener> relays = new ArrayList<>();
    try {
      for (int n = 0; n < nodes; n++) {
        relays.add(node(server, schema, keys, NotifySettings.defaults().withPollInterval(Duration.ofMillis(100)),
            delivered));
      }
      while (delivered.get() < messages) {
        Thread.sleep(5);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "relay nodes=%d messages=%d seconds=%.2f rate=%.0f/s%n",
          nodes, messages, seconds, messages / seconds);
    } finally {
      relays.forEach(Convener::close);
      dropSchema(server, schema);
    }
  }

  private static void latency(String server, int requests, int warmup) throws Exception {
    String schema = createSchema(server);
    Path keys = Files.createTempDirectory("convener-scaleout-keys");
    NotifySettings relaying = NotifySettings.defaults().withPollInterval(Duration.ofMillis(100));
    try (Convener a = node(server, schema, keys, relaying, null);
        Convener b = node(server, schema, keys, NotifySettings.defaults().manual(), null)) {
      setUp(a);
      LinkedBlockingQueue<Long> received = new LinkedBlockingQueue<>();
      long[] latencies = new long[requests];
      Subscription s = b.notifier().subscribe(Principal.of(TENANT, "s0", Role.MEMBER), 0,
          m -> received.offer(System.nanoTime()));
      try {
        for (int i = -warmup; i < requests; i++) {
          long start = System.nanoTime();
          a.approvals().request(MANAGER, MemberId.of("s0"), Purpose.PROFILE_SHARE, "l-" + i);
          Long at = received.poll(10, TimeUnit.SECONDS);
          if (at == null) {
            throw new IllegalStateException("request " + i + " did not reach node B within 10 s");
          }
          if (i >= 0) {
            latencies[i] = at - start;
          }
        }
      } finally {
        s.close();
      }
      Arrays.sort(latencies);
      System.out.printf(Locale.ROOT, "cross-node stream requests=%d p50=%.2fms p99=%.2fms max=%.2fms%n",
          requests, ms(latencies, 0.50), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    } finally {
      dropSchema(server, schema);
    }
  }

  /** A node on the schema; with a counter, a channel that counts what it is given. */
  private static Convener node(String server, String schema, Path keys, NotifySettings notify,
      @Nullable AtomicInteger counter) {
    RateLimits unlimited = RateLimits.defaults().with("approvals.request",
        new RateLimits.Quota(1_000_000, Duration.ofSeconds(1)));
    Module wiring = binder -> {
      OptionalBinder.newOptionalBinder(binder, NotifySettings.class).setBinding().toInstance(notify);
      if (counter != null) {
        Multibinder.newSetBinder(binder, NotificationChannel.class).addBinding().toInstance(new Counting(counter));
      }
    };
    return Conveners.builder().settings(ConvenerSettings.defaults().withRateLimits(unlimited)).keyDirectory(keys)
        .database(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema).module(wiring).build();
  }

  private static void setUp(Convener c) {
    List<Purpose> enabled = new ArrayList<>(Purpose.standard());
    enabled.add(NotificationDraft.DIRECT);
    c.consent().setPolicy(ADMIN, ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < SUBJECTS; i++) {
      members.add(Member.of(MemberId.of("s" + i)));
    }
    c.ingest().submit(ADMIN, members, List.of());
    for (int i = 0; i < SUBJECTS; i++) {
      c.consent().grant(Principal.of(TENANT, "s" + i, Role.MEMBER), MemberId.of("s" + i), NotificationDraft.DIRECT,
          "n1");
    }
  }

  private static String createSchema(String server) throws Exception {
    String schema = "convener_bench_" + UUID.randomUUID().toString().replace("-", "");
    sql(server, "CREATE SCHEMA " + schema);
    return schema;
  }

  private static void dropSchema(String server, String schema) throws Exception {
    sql(server, "DROP SCHEMA " + schema + " CASCADE");
  }

  private static void sql(String server, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** A channel that only counts. */
  private record Counting(AtomicInteger counter) implements NotificationChannel {
    @Override
    public String name() {
      return "count";
    }

    @Override
    public void deliver(TenantId tenant, Notification notification) {
      counter.incrementAndGet();
    }
  }
}
