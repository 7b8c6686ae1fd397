package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The telemetry wiring of {@code serve}: an OTLP/HTTP receiver on loopback gets the traces (with the
 * ingest and champion spans) and the metrics, and {@code /metrics} answers in Prometheus text.
 */
class ServeTelemetryTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant AS_OF = Instant.parse("2026-03-02T00:00:00Z");

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
    String prometheus;
    try (ServeTelemetry telemetry = ServeTelemetry.create(endpoint, metricsPort, Duration.ofMinutes(10))) {
      try (Convener convener = Conveners.builder().database("jdbc:h2:mem:serve-otel-" + UUID.randomUUID())
          .inMemoryKeys().module(telemetry.module()).build()) {
        convener.ingest().submit(ADMIN, List.of(member("a"), member("b")), List.of(
            Event.builder(EventId.of("e1"), AS_OF.minus(Duration.ofDays(2)), EventKind.REPLY, MemberId.of("a"))
                .targets(List.of(MemberId.of("b"))).build()));
        convener.champions().champions(ADMIN, ChampionQuery.builder().asOf(AS_OF).build());
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        prometheus = scrape.body();
      }
    }
    assertThat(prometheus).contains("# TYPE convener_gate_calls_total counter")
        .containsPattern("convener_gate_calls_total\\{.*convener_activity=\"ingest\".*\\} 1")
        .contains("convener_ingest_rows_total").contains("convener_outbox_backlog");
    assertThat(received).containsKeys("/v1/traces", "/v1/metrics");
    assertThat(received.get("/v1/traces").toString()).contains("ingest", "champion.rank", "champion.structure",
        "storage ", ServeTelemetry.SERVICE);
    assertThat(received.get("/v1/metrics").toString()).contains("convener.gate.calls", "convener.ingest.rows");
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
