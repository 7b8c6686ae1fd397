package io.convener.benchmarks.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP tier under widget traffic (issue 15), end to end on loopback. A {@link ScaleServer} in
 * a child JVM serves a warm tenant of N members; this JVM is the load generator:
 *
 * <ol>
 *   <li>warms up, then measures {@code GET /health/live} and the warm tenant's pulse of one team
 *       (the same question each time, so the pulse's last-known cache and rollup are warm) one
 *       request at a time, and the requests per second of that pulse and of {@code POST
 *       /v1/champions/discover} from several clients;
 *   <li>opens S idle {@code /v1/notifications/stream} connections of another tenant (one subject
 *       each; NIO, one thread, sockets bound over several loopback addresses), reads the server's
 *       heap after GC, resident memory and threads before and after, and measures the same two
 *       latencies again while they are open; a request without an answer in 10 s is reported;
 *   <li>closes them, opens P streams of a third tenant whose members consent to direct
 *       notifications, and asks for approvals over HTTP at R per second for D seconds, round robin
 *       over the members; push latency runs from sending the request to reading the event's
 *       {@code data:} line on the member's stream.
 * </ol>
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.http.HttpScale streams=10000
 * </pre>
 *
 * Options ({@code name=value}): streams (10000), threads (0: the server's default; Jetty's largest
 * worker pool, which open streams do not hold), members (10000),
 * dir (target/http-scale; the warm tenant is loaded once per directory), push (1000), rate (100),
 * seconds (30), samples (500), window (20 s of throughput), clients (8), openSeconds (how long the idle
 * streams may take to open, 60 + streams / 100), aliases (4 loopback
 * addresses to bind client sockets to), serverHeap (4g), serverArgs (more JVM options of the server,
 * comma-separated, such as {@code -Dsun.net.httpserver.nodelay=true}).
 */
public final class HttpScale {
  static final String WARM_TENANT = "warm";
  static final String IDLE_TENANT = "idle";
  static final String PUSH_TENANT = "push";
  static final int PUSH_MEMBERS = 1000;
  private static final PrintStream OUT = System.out;

  private HttpScale() {}

  /** Runs the scenario; see the class comment. */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int streams = Integer.parseInt(o.getOrDefault("streams", "10000"));
    int push = Math.min(PUSH_MEMBERS, Integer.parseInt(o.getOrDefault("push", "1000")));
    OUT.printf(Locale.ROOT, "options %s; %d cores; load average %.1f; client file descriptors max %d%n", o,
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getMaxFileDescriptorCount());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + o.getOrDefault("serverHeap", "4g"), "-cp", System.getProperty("java.class.path")));
    if (o.containsKey("serverArgs")) {
      command.addAll(List.of(o.get("serverArgs").split(",")));
    }
    command.addAll(List.of(ScaleServer.class.getName(), o.getOrDefault("dir", "target/http-scale"),
        o.getOrDefault("members", "10000"), o.getOrDefault("threads", "0")));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader from = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintStream to = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String[] ready = from.readLine().split(" ");
      Scenario s = new Scenario(URI.create(ready[1]), ready[2], ready[3], from, to, o);
      s.warmUp();
      s.requests("no streams open");
      s.throughput();
      s.idle(streams);
      s.push(push, Integer.parseInt(o.getOrDefault("rate", "100")), Integer.parseInt(o.getOrDefault("seconds", "30")));
    } finally {
      child.destroy();
    }
    System.exit(0);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected name=value, got '" + a + "'");
      }
      o.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return o;
  }

  /** Loopback addresses 127.0.0.1 and up, to spread client sockets over their ephemeral ports. */
  static List<InetAddress> loopbacks(int n) throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
    }
    return out;
  }

  static InetSocketAddress address(URI base) {
    return new InetSocketAddress(base.getHost(), base.getPort());
  }
}
