package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.sun.net.httpserver.HttpServer;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The telemetry wiring of {@code serve}: an OTLP/HTTP receiver on loopback gets the traces (with the
 * ingest, champion and scheduled-backup spans) and the metrics, {@code /metrics} answers in
 * Prometheus text, and it has every metric the Grafana dashboard queries.
 */
class ServeTelemetryTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant AS_OF = Instant.parse("2026-03-02T00:00:00Z");

  @TempDir Path dir;
  private final Map<String, StringBuilder> received = new ConcurrentHashMap<>();
  private HttpServer collector;

  @BeforeEach
  void startCollector() throws IOException {
    collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        String bytes = new String(body.readAllBytes(), StandardCharsets.ISO_8859_1);
        if (exchange.getRequestMethod().equals("POST")) {
          received.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new StringBuilder()).append(bytes);
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
  }

  @AfterEach
  void stopCollector() {
    collector.stop(0);
  }

  @Test
  void tracesAndMetricsReachTheCollectorAndMetricsAnswerInPrometheusText() throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + collector.getAddress().getPort());
    int metricsPort = freePort();
    ServeSchedule schedule = ServeSchedule.of(dir.resolve("backups"), Duration.ofSeconds(2), 1,
        new CommandLine(new ServeCommand()).getCommandSpec());
    String prometheus;
    try (ServeTelemetry telemetry = ServeTelemetry.create(endpoint, metricsPort, Duration.ofMinutes(10))) {
      Conveners.Builder builder = Conveners.builder().database("jdbc:sqlite:" + dir.resolve("convener.db"))
          .keyDirectory(dir.resolve("keys"));
      schedule.modules(telemetry.module()).forEach(builder::module);
      try (Convener convener = builder.build()) {
        convener.ingest().submit(ADMIN, List.of(member("a"), member("b")), List.of(
            Event.builder(EventId.of("e1"), AS_OF.minus(Duration.ofDays(2)), EventKind.REPLY, MemberId.of("a"))
                .targets(List.of(MemberId.of("b"))).build()));
        convener.champions().rank(ADMIN, ChampionQuery.builder().asOf(AS_OF).build());
        // The scheduled backup (every 2 s, a tick a second) completes a run, which the gauges then show.
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape(metricsPort).contains("convener_scheduled_runs_total{"));
        prometheus = scrape(metricsPort);
      }
    }
    assertThat(prometheus).contains("# TYPE convener_gate_calls_total counter")
        .containsPattern("convener_gate_calls_total\\{.*convener_activity=\"ingest\".*\\} 1")
        .contains("convener_ingest_rows_total").contains("convener_outbox_backlog ")
        .contains("convener_outbox_oldest_age_seconds").contains("convener_streams_live")
        .contains("convener_backup_age_seconds");
    assertThat(dashboardMetrics()).as("metrics of the Grafana dashboard").isNotEmpty()
        .allSatisfy(name -> assertThat(prometheus).contains(name));
    assertThat(received).containsKeys("/v1/traces", "/v1/metrics");
    assertThat(received.get("/v1/traces").toString()).contains("ingest", "champion.rank", "champion.structure",
        "storage ", "scheduled backup", ServeTelemetry.SERVICE);
    assertThat(received.get("/v1/metrics").toString()).contains("convener.gate.calls", "convener.ingest.rows");
  }

  /** The convener_* metric names the dashboard's queries use. */
  private static Set<String> dashboardMetrics() throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = ServeTelemetry.class.getResourceAsStream("/grafana/convener-dashboard.json")) {
      assertThat(in).as("the dashboard resource").isNotNull();
      for (JsonNode panel : new ObjectMapper().readTree(in).path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          Matcher m = Pattern.compile("convener_[a-z_]+").matcher(target.path("expr").asText());
          while (m.find()) {
            names.add(m.group());
          }
        }
      }
    }
    return names;
  }

  private static String scrape(int port) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static Member member(String id) {
    return Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
