package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.core.Conveners;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §6: {@code /v1/provenance/checkpoints/stream} pushes each checkpoint as it is signed,
 * with the feed cursor as the event id; reconnecting with {@code Last-Event-ID} resumes with no gap
 * and no duplicate; another tenant's checkpoints never reach the stream; only compliance officers
 * and admins may open it; a stream ticket stands in for the token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckpointStreamTest {
  static final String ROUTE = "/v1/provenance/checkpoints/stream";
  static final Duration WAIT = Duration.ofSeconds(20);
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  URI stream;
  final String officer = Tokens.token("acme", "auditor", "compliance_officer");
  final String admin = Tokens.token("acme", "ops", "admin");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0)
        .heartbeat(Duration.ofMillis(500)).start();
    client = new Client(server.uri());
    stream = server.uri().resolve(ROUTE);
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  private Checkpoint sign(String token) {
    Client.Reply r = client.post("/v1/provenance/checkpoint", token, "");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return Checkpoint.parse(r.json().get("checkpoint").asText());
  }

  private static Checkpoint checkpointOf(SseClient.Event e) throws Exception {
    assertThat(e).as("an event before the timeout").isNotNull();
    assertThat(e.name()).isEqualTo("checkpoint");
    JsonNode data = Client.JSON.readTree(e.data());
    Checkpoint c = Checkpoint.parse(data.get("checkpoint").asText());
    assertThat(e.rawId()).isEqualTo(CheckpointCursor.of(c).toString()).isEqualTo(data.get("cursor").asText());
    assertThat(data.get("verifierKey").asText()).startsWith("convener-" + c.tenant().value() + "+");
    return c;
  }

  /** The feed position just before {@code c}: other tests of the class signed earlier ones. */
  private static String justBefore(Checkpoint c) {
    return new CheckpointCursor(c.timestamp(), c.treeSize() - 1).toString();
  }

  @Test
  void pushesEachSignedCheckpointAndResumesAfterLastEventIdWithoutGapOrDuplicate() throws Exception {
    Checkpoint old = sign(admin); // signed before the stream opens: replayed
    String after = justBefore(old);
    Checkpoint first;
    Checkpoint second;
    try (SseClient sse = new SseClient(client.http, stream, officer, after)) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      assertThat(checkpointOf(sse.next(WAIT))).isEqualTo(old);
      first = sign(admin);
      assertThat(checkpointOf(sse.next(WAIT))).isEqualTo(first);
      after = CheckpointCursor.of(first).toString();
    }
    second = sign(admin);
    Checkpoint third;
    try (SseClient resumed = new SseClient(client.http, stream, officer, after)) {
      assertThat(checkpointOf(resumed.next(WAIT))).as("signed while away").isEqualTo(second);
      third = sign(admin);
      assertThat(checkpointOf(resumed.next(WAIT))).as("live again").isEqualTo(third);
      assertThat(resumed.next(Duration.ofSeconds(1))).as("no duplicate").isNull();
    }
  }

  @Test
  void anotherTenantsCheckpointsNeverReachTheStream() throws Exception {
    String globexOfficer = Tokens.token("globex", "auditor", "compliance_officer");
    try (SseClient acme = new SseClient(client.http, stream, officer,
        CheckpointCursor.of(sign(admin)).toString());
        SseClient globex = new SseClient(client.http, stream, globexOfficer, null)) {
      Checkpoint theirs = sign(Tokens.token("globex", "ops", "admin"));
      assertThat(checkpointOf(globex.next(WAIT))).isEqualTo(theirs);
      Checkpoint ours = sign(admin);
      assertThat(checkpointOf(acme.next(WAIT))).as("acme sees its own next checkpoint, not globex's").isEqualTo(ours);
      assertThat(globex.next(Duration.ofSeconds(1))).as("acme's checkpoint on globex's stream").isNull();
    }
  }

  @Test
  void onlyComplianceOfficersAndAdminsOpenIt() {
    Client.Reply member = client.get(ROUTE, Tokens.token("acme", "ana", "member"));
    assertThat(member.status()).isEqualTo(403);
    assertThat(member.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(client.get(ROUTE, null).status()).isEqualTo(401);
    Client.Reply bad = client.send(client.request(ROUTE, officer).header("Last-Event-ID", "42").GET().build());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("Last-Event-ID");
  }

  @Test
  void aStreamTicketStandsInForTheToken() throws Exception {
    Checkpoint latest = sign(admin);
    Client.Reply ticket = client.post("/v1/notifications/stream-ticket", officer, "");
    assertThat(ticket.status()).isEqualTo(201);
    String withTicket = ROUTE + "?ticket="
        + URLEncoder.encode(ticket.json().get("ticket").asText(), StandardCharsets.UTF_8);
    URI uri = server.uri().resolve(withTicket + "&lastEventId=" + justBefore(latest));
    try (SseClient sse = new SseClient(client.http, uri, null, null)) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      assertThat(checkpointOf(sse.next(WAIT))).isEqualTo(latest);
    }
    Client.Reply again = client.get(withTicket, null);
    assertThat(again.status()).as("a ticket is used once").isEqualTo(401);
  }
}
