package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.Conveners;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/notifications/stream}: approval requests reach their subject as Server-Sent Events;
 * a client that reconnects with {@code Last-Event-ID} gets every message after it, no gap, no
 * duplicate; another tenant's member of the same id gets nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  URI stream;
  final String admin = Tokens.token("acme", "ops", "admin");
  final String ana = Tokens.token("acme", "ana", "member");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0)
        .heartbeat(Duration.ofMillis(500)).start();
    client = new Client(server.uri());
    stream = server.uri().resolve("/v1/notifications/stream");
    for (String tenant : List.of("acme", "globex")) {
      String token = Tokens.token(tenant, "ops", "admin");
      List<Purpose> enabled = new ArrayList<>(Purpose.standard());
      enabled.add(NotificationDraft.DIRECT);
      convener.consent().setPolicy(Principal.of(TenantId.of(tenant), "ops", Role.ADMIN),
          ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
      assertThat(client.send(client.request("/v1/events", token).POST(HttpRequest.BodyPublishers.ofString(
          "{\"type\":\"member\",\"id\":\"ana\"}\n")).build()).status()).isEqualTo(200);
      assertThat(client.post("/v1/consent/grant", token, "{\"member\":\"ana\",\"purpose\":\"notification.direct\"}")
          .status()).isEqualTo(200);
    }
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  private String request(String scope) {
    Client.Reply r = client.post("/v1/approvals/request", admin,
        "{\"subject\":\"ana\",\"purpose\":\"profile.share\",\"scope\":\"" + scope + "\"}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  @Test
  void reconnectingWithLastEventIdResumesWithoutGapOrDuplicate() throws Exception {
    List<String> approvals = new ArrayList<>();
    SseClient.Event first;
    try (SseClient sse = new SseClient(client.http, stream, ana, null);
        SseClient other = new SseClient(client.http, stream, Tokens.token("globex", "ana", "member"), null)) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      assertThat(sse.response.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("text/event-stream"));
      approvals.add(request("first"));
      first = sse.next(WAIT);
      assertThat(first).isNotNull();
      assertThat(first.name()).isEqualTo("approval.requested");
      JsonNode data = Client.JSON.readTree(first.data());
      assertThat(data.get("sequence").asLong()).isEqualTo(first.id());
      assertThat(data.at("/payload/approval").asText()).isEqualTo(approvals.get(0));
      assertThat(other.next(Duration.ofSeconds(1))).as("another tenant's ana").isNull();
    }
    approvals.add(request("while away 1"));
    approvals.add(request("while away 2"));
    try (SseClient resumed = new SseClient(client.http, stream, ana, Long.toString(first.id()))) {
      List<SseClient.Event> got = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        SseClient.Event e = resumed.next(WAIT);
        assertThat(e).as("event %d after resuming", i).isNotNull();
        got.add(e);
      }
      approvals.add(request("live again"));
      SseClient.Event live = resumed.next(WAIT);
      assertThat(live).isNotNull();
      got.add(live);
      assertThat(resumed.next(Duration.ofSeconds(1))).as("no duplicate").isNull();
      assertThat(got).extracting(SseClient.Event::id)
          .containsExactly(first.id() + 1, first.id() + 2, first.id() + 3);
      List<String> about = new ArrayList<>();
      for (SseClient.Event e : got) {
        about.add(Client.JSON.readTree(e.data()).at("/payload/approval").asText());
      }
      assertThat(about).containsExactlyElementsOf(approvals.subList(1, 4));
    }
    Client.Reply inbox = client.get("/v1/notifications?after=" + first.id(), ana);
    assertThat(inbox.status()).isEqualTo(200);
    assertThat(inbox.json().get("messages")).hasSize(3);
    assertThat(client.post("/v1/notifications/" + first.id() + "/read", ana, "").status()).isEqualTo(200);
  }

  @Test
  void theStreamNeedsATokenAndAValidLastEventId() {
    Client.Reply anonymous = client.get("/v1/notifications/stream", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    Client.Reply bad = client.send(client.request("/v1/notifications/stream", ana).header("Last-Event-ID", "yesterday")
        .GET().build());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("Last-Event-ID");
  }
}
