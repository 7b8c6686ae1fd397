package io.convener.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** The phases of {@link HttpScale} against one running {@link ScaleServer}. */
final class Scenario {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream OUT = System.out;

  private final URI base;
  private final BufferedReader fromServer;
  private final PrintStream toServer;
  private final Map<String, String> options;
  private final Probes probes = new Probes(Duration.ofSeconds(10));
  /** Champions of a 10k tenant take seconds on a busy 2-core machine: they get a longer timeout. */
  private final Probes slow = new Probes(Duration.ofSeconds(120));
  private final Supplier<HttpRequest> health;
  private final Supplier<HttpRequest> pulse;
  private final Supplier<HttpRequest> champions;

  Scenario(URI base, String asOf, String team, BufferedReader fromServer, PrintStream toServer,
      Map<String, String> options) {
    this.base = base;
    this.fromServer = fromServer;
    this.toServer = toServer;
    this.options = options;
    String admin = BenchTokens.token(HttpScale.WARM_TENANT, "ops", "admin");
    URI live = base.resolve("/health/live");
    URI pulseUri = base.resolve("/v1/pulse/aggregate?team=" + team + "&asOf=" + asOf);
    URI discover = base.resolve("/v1/champions/discover");
    String body = "{\"asOf\":\"" + asOf + "\",\"limit\":10}";
    health = () -> probes.get(live, "");
    pulse = () -> probes.get(pulseUri, admin);
    champions = () -> slow.post(discover, admin, body);
  }

  private int option(String name, int otherwise) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(otherwise)));
  }

  /** Warms the JIT, the pulse's rollup and the champion graph of the warm tenant up. */
  void warmUp() throws IOException, InterruptedException {
    slow.sample(champions, 3);
    probes.sample(health, 300);
    probes.sample(pulse, 300);
  }

  /** Prints the latency of liveness and of the warm tenant's pulse. */
  void requests(String condition) throws IOException, InterruptedException {
    int n = option("samples", 500);
    OUT.println("[" + condition + "]");
    OUT.println("  GET /health/live          " + probes.sample(health, n).summary());
    OUT.println("  GET /v1/pulse (warm team) " + probes.sample(pulse, n).summary());
  }

  /** Requests per second of the cached pulse and of champions of the warm tenant. */
  void throughput() throws IOException, InterruptedException {
    Duration window = Duration.ofSeconds(option("window", 20));
    int clients = option("clients", 8);
    OUT.printf(Locale.ROOT, "  pulse requests/s, %d clients      %.0f%n", clients,
        probes.throughput(pulse, clients, window));
    OUT.printf(Locale.ROOT, "  champions requests/s, %d clients  %.1f%n", clients,
        slow.throughput(champions, clients, window));
  }

  /** Opens idle streams of one tenant, measures the server's memory and the latencies meanwhile. */
  void idle(int streams) throws Exception {
    long[] before = memory();
    List<String> tokens = new ArrayList<>(streams);
    for (int i = 0; i < streams; i++) {
      tokens.add(BenchTokens.token(HttpScale.IDLE_TENANT, "u-" + i, "member"));
    }
    try (SseConnections c = new SseConnections(HttpScale.address(base),
        HttpScale.loopbacks(option("aliases", 4)), 256, line -> { })) {
      long t0 = System.nanoTime();
      int open = c.open(base.getHost(), List.of("/v1/notifications/stream"), tokens,
          Duration.ofSeconds(option("openSeconds", 60 + streams / 100)));
      OUT.printf(Locale.ROOT, "[%d of %d idle streams open after %.1f s; failures %s]%n", open, streams,
          (System.nanoTime() - t0) / 1e9, c.failures());
      long[] after = memory();
      OUT.printf(Locale.ROOT, "  server heap after GC %.1f -> %.1f MiB: %.0f bytes per open stream%n",
          before[0] / 1048576.0, after[0] / 1048576.0, open == 0 ? 0 : (after[0] - before[0]) / (double) open);
      OUT.printf(Locale.ROOT, "  server resident memory %.0f -> %.0f MiB; threads %d -> %d%n",
          before[1] / 1048576.0, after[1] / 1048576.0, before[2], after[2]);
      requests(open + " idle streams open");
      OUT.printf(Locale.ROOT, "  streams still open: %d (dropped by the server: %d)%n", c.opened(), c.dropped());
    }
  }

  /** Push latency: approvals asked over HTTP at a fixed rate reach their subjects' open streams. */
  void push(int members, int perSecond, int seconds) throws Exception {
    Map<String, Long> started = new ConcurrentHashMap<>();
    Map<String, Long> answered = new ConcurrentHashMap<>();
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    List<String> tokens = new ArrayList<>(members);
    for (int i = 0; i < members; i++) {
      tokens.add(BenchTokens.token(HttpScale.PUSH_TENANT, "m-" + i, "member"));
    }
    try (SseConnections c = new SseConnections(HttpScale.address(base), HttpScale.loopbacks(option("aliases", 4)),
        256, line -> arrived.putIfAbsent(approval(line.substring(5).trim()), System.nanoTime()))) {
      int open = c.open(base.getHost(), List.of("/v1/notifications/stream"), tokens, Duration.ofSeconds(120));
      OUT.printf(Locale.ROOT, "[push: %d of %d streams open; %d approvals/s for %d s; failures %s]%n", open, members,
          perSecond, seconds, c.failures());
      trigger(members, perSecond, seconds, started, answered);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!arrived.keySet().containsAll(started.keySet()) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(50_000_000L);
      }
      long[] l = started.entrySet().stream().filter(e -> arrived.containsKey(e.getKey()))
          .mapToLong(e -> arrived.get(e.getKey()) - e.getValue()).sorted().toArray();
      Probes.Latencies latencies = new Probes.Latencies(l, 0);
      OUT.printf(Locale.ROOT, "  triggered %d, received %d; push latency %s; p95 %.1f ms%n", started.size(), l.length,
          latencies.summary(), latencies.ms(0.95));
      long[] r = started.entrySet().stream().mapToLong(e -> answered.get(e.getKey()) - e.getValue()).sorted().toArray();
      OUT.println("  of which the approval request's own answer: " + new Probes.Latencies(r, 0).summary());
    }
  }

  private void trigger(int members, int perSecond, int seconds, Map<String, Long> started, Map<String, Long> answered)
      throws Exception {
    String admin = BenchTokens.token(HttpScale.PUSH_TENANT, "ops", "admin");
    URI uri = base.resolve("/v1/approvals/request");
    ExecutorService workers = Executors.newFixedThreadPool(16);
    AtomicInteger failed = new AtomicInteger();
    long period = 1_000_000_000L / perSecond;
    long t0 = System.nanoTime();
    for (int n = 0; n < perSecond * seconds; n++) {
      LockSupport.parkNanos(t0 + n * period - System.nanoTime());
      String body = "{\"subject\":\"m-" + (n % members) + "\",\"purpose\":\"profile.share\",\"scope\":\"bench " + n + "\"}";
      workers.execute(() -> {
        long sent = System.nanoTime();
        try {
          String id = JSON.readTree(probes.send(probes.post(uri, admin, body))).path("id").asText();
          answered.put(id, System.nanoTime());
          started.put(id, sent);
        } catch (IOException e) {
          if (failed.getAndIncrement() == 0) {
            System.err.println("approval request failed: " + e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    workers.shutdown();
    workers.awaitTermination(60, TimeUnit.SECONDS);
    if (failed.get() > 0) {
      OUT.printf(Locale.ROOT, "  %d approval requests failed (the first is printed above)%n", failed.get());
    }
  }

  private static String approval(String data) {
    try {
      return JSON.readTree(data).path("payload").path("approval").asText();
    } catch (IOException e) {
      return "";
    }
  }

  /** The server's heap after a GC, its resident memory and its threads. */
  private long[] memory() throws IOException {
    toServer.println("mem");
    String[] r = fromServer.readLine().split(" ");
    return Arrays.stream(r, 1, 4).mapToLong(Long::parseLong).toArray();
  }
}
