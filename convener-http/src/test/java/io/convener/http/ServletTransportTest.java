package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport over Jetty: malformed requests of every kind are answered with problem+json, never
 * an HTML page; a body is refused before it is read when the caller lacks the route's roles or it
 * is larger than allowed; ingestion streams bodies past the buffered limit; streams carry {@code
 * retry:} and keep-alive comments, are limited per subject, and end when the token expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServletTransportTest {
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  URI base;
  final String admin = Tokens.token("acme", "ops", "admin");
  final String member = Tokens.token("acme", "m-1", "member");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0)
        .heartbeat(Duration.ofMillis(300))
        .limits(HttpLimits.builder().maxBodyBytes(16 << 10).maxStreamedBodyBytes(48 << 10).maxStreamsPerSubject(2)
            .maxHeaderBytes(8 << 10).build())
        .start();
    base = server.uri();
    client = new Client(base);
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void malformedRequestsAreProblemsNeverHtml() {
    String big = "x".repeat(10_000);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("bad escape in the path", "GET /v1/%zz/x HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    cases.put("bad escape in the query", "GET /v1/pulse/aggregate?team=%zz HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer "
        + admin + "\r\nConnection: close\r\n\r\n");
    cases.put("negative Content-Length", "POST /v1/events HTTP/1.1\r\nHost: t\r\nContent-Length: -5\r\n\r\n");
    cases.put("Content-Length with Transfer-Encoding", "POST /v1/events HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    cases.put("headers too large", "GET /health/live HTTP/1.1\r\nHost: t\r\nX-Big: " + big + "\r\n\r\n");
    cases.put("not HTTP", "HELLO\r\n\r\n");
    cases.put("unknown route", "GET /nothing/here HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Raw.Reply r = Raw.send(base, c.getValue());
      statuses.put(c.getKey(), r.status());
      assertThat(r.header("Content-Type")).as(c.getKey()).isEqualTo("application/problem+json");
      assertThat(r.body()).as(c.getKey()).doesNotContainIgnoringCase("<html").doesNotContain("jetty", "Exception");
      assertThat(r.json().get("status").asInt()).as(c.getKey()).isEqualTo(r.status());
      assertThat(r.json().get("code").asText()).as(c.getKey()).isNotBlank();
    }
    assertThat(statuses).containsEntry("bad escape in the path", 400).containsEntry("negative Content-Length", 400)
        .containsEntry("Content-Length with Transfer-Encoding", 400).containsEntry("headers too large", 431)
        .containsEntry("not HTTP", 400).containsEntry("unknown route", 404)
        .containsEntry("bad escape in the query", 400);
  }

  @Test
  void aLargeBodyFromACallerWithoutTheRouteRoleIsRefusedBeforeItIsRead() throws Exception {
    // 200 MB announced, 10 bytes sent: only a refusal made before reading can answer.
    String head = "PUT /v1/admin/pulse-settings HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + member
        + "\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\nConnection: close\r\n\r\n{\"a\":1234";
    try (java.net.Socket s = Raw.connect(base)) {
      Raw.write(s, head);
      Raw.Reply r = Raw.read(s.getInputStream());
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json().get("code").asText()).isEqualTo("access_denied");
      assertThat(r.json().get("detail").asText()).contains("the body was not read");
    }
    String chunked = "POST /v1/events HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + member
        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\n{\"ty\r\n";
    try (java.net.Socket s = Raw.connect(base)) {
      Raw.write(s, chunked);
      assertThat(Raw.read(s.getInputStream()).status()).as("a body of unknown length").isEqualTo(403);
    }
    String tooLarge = "POST /v1/events HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + admin
        + "\r\nContent-Length: 200000000\r\nConnection: close\r\n\r\n";
    try (java.net.Socket s = Raw.connect(base)) {
      Raw.write(s, tooLarge);
      Raw.Reply r = Raw.read(s.getInputStream());
      assertThat(r.status()).as("over the streamed limit, announced").isEqualTo(413);
      assertThat(r.json().get("code").asText()).isEqualTo("body_too_large");
    }
  }

  @Test
  void ingestionStreamsBodiesPastTheBufferedLimitAndStopsAtTheStreamedOne() throws java.io.IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; lines.length() < 24_000; i++) {
      lines.append("{\"type\":\"member\",\"id\":\"bulk-").append(i).append("\"}\n");
    }
    String body = lines.toString();
    long count = body.lines().count();
    Client.Reply streamed = client.send(client.request("/v1/events", admin)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(streamed.status()).as(streamed.raw().body()).isEqualTo(200);
    assertThat(streamed.json().get("members").asLong()).isEqualTo(count);
    // Bodies the server refuses by their announced length, before reading them: sent as headers only
    // on a raw socket, so the client cannot race the early 413 with a write into a closed connection.
    String keyed = "POST /v1/events HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + admin
        + "\r\nIdempotency-Key: bulk-1\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
    try (java.net.Socket s = Raw.connect(base)) {
      Raw.write(s, keyed);
      assertThat(Raw.read(s.getInputStream()).status()).as("a keyed body is held whole, within the buffered limit")
          .isEqualTo(413);
    }
    String json = "POST /v1/champions/discover HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + admin
        + "\r\nContent-Type: application/json\r\nContent-Length: 20012\r\nConnection: close\r\n\r\n";
    try (java.net.Socket s = Raw.connect(base)) {
      Raw.write(s, json);
      assertThat(Raw.read(s.getInputStream()).status()).isEqualTo(413);
    }
    String huge = body.repeat(3);
    Client.Reply over = client.send(client.request("/v1/events", admin)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build());
    assertThat(over.status()).as("chunked, past the streamed limit while reading").isEqualTo(413);
    assertThat(over.header("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void aStreamStartsWithRetryKeepsAliveAndEndsWhenItsTokenExpires() throws Exception {
    String shortLived = Tokens.expiring(3, "acme", "ana", "member");
    try (Lines stream = new Lines(client.http, Lines.get(base.resolve("/v1/notifications/stream"))
        .header("Authorization", "Bearer " + shortLived).build())) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines.contains(": keep-alive"));
      assertThat(stream.lines.get(0)).isEqualTo("retry: 2000");
      assertThat(stream.ended.await(15, TimeUnit.SECONDS)).as("the stream ends at the token's expiry").isTrue();
      assertThat(stream.lines).anyMatch(l -> l.contains("the token has expired"));
    }
  }

  @Test
  void aSubjectGetsA429PastItsStreamLimitAndItsPlaceBackWhenOneCloses() {
    String bo = Tokens.token("acme", "bo", "member");
    URI uri = base.resolve("/v1/notifications/stream");
    Lines first = new Lines(client.http, Lines.get(uri).header("Authorization", "Bearer " + bo).build());
    try (Lines second = new Lines(client.http, Lines.get(uri).header("Authorization", "Bearer " + bo).build())) {
      assertThat(second.response.statusCode()).isEqualTo(200);
      Client.Reply third = client.get("/v1/notifications/stream", bo);
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.header("Retry-After")).isNotEmpty();
      assertThat(third.json().get("code").asText()).isEqualTo("too_many_streams");
      first.close();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
        try (Lines again = new Lines(client.http, Lines.get(uri).header("Authorization", "Bearer " + bo).build())) {
          return again.response.statusCode() == 200;
        }
      });
    }
  }
}
