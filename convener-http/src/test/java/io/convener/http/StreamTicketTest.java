package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.Conveners;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream tickets: a ticket opens its caller's stream once, on any node sharing the ticket key
 * (two servers here), with {@code Last-Event-ID} resumption; it is refused when used again,
 * expired, forged for another tenant, signed with another key, or offered to another route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamTicketTest {
  static final byte[] KEY = "a stream ticket key of at least 32 bytes, shared by nodes".getBytes(StandardCharsets.UTF_8);
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  Convener convener;
  ConvenerHttpServer nodeA;
  ConvenerHttpServer nodeB;
  ConvenerHttpServer otherKey;
  Client a;
  final String admin = Tokens.token("acme", "ops", "admin");
  final String ana = Tokens.token("acme", "ana", "member");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    nodeA = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).streamTicketSecret(KEY)
        .clock(clock).start();
    nodeB = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).streamTicketSecret(KEY)
        .clock(clock).start();
    otherKey = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).clock(clock).start();
    a = new Client(nodeA.uri());
    List<Purpose> enabled = new ArrayList<>(Purpose.standard());
    enabled.add(NotificationDraft.DIRECT);
    convener.consent().setPolicy(Principal.of(TenantId.of("acme"), "ops", Role.ADMIN),
        ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
    assertThat(a.send(a.request("/v1/events", admin).POST(HttpRequest.BodyPublishers.ofString(
        "{\"type\":\"member\",\"id\":\"ana\"}\n")).build()).status()).isEqualTo(200);
    assertThat(a.post("/v1/consent/grant", admin, "{\"member\":\"ana\",\"purpose\":\"notification.direct\"}").status())
        .isEqualTo(200);
  }

  @AfterAll
  void stop() {
    nodeA.close();
    nodeB.close();
    otherKey.close();
    convener.close();
  }

  private String ticket(String token) {
    Client.Reply r = a.post("/v1/notifications/stream-ticket", token, "");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    assertThat(Instant.parse(r.json().get("expiresAt").asText())).isBefore(now.get().plusSeconds(61));
    return r.json().get("ticket").asText();
  }

  private static URI streamUri(ConvenerHttpServer node, String ticket) {
    return node.uri().resolve("/v1/notifications/stream?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
  }

  private String requestApproval(String scope) {
    Client.Reply r = a.post("/v1/approvals/request", admin,
        "{\"subject\":\"ana\",\"purpose\":\"profile.share\",\"scope\":\"" + scope + "\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  @Test
  void aTicketOpensItsCallersStreamOnAnotherNodeOnceAndResumes() throws Exception {
    String ticket = ticket(ana);
    long first;
    try (SseClient sse = new SseClient(a.http, streamUri(nodeB, ticket), null, null)) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      String approval = requestApproval("by ticket");
      SseClient.Event e = sse.next(Duration.ofSeconds(20));
      assertThat(e).isNotNull();
      assertThat(Client.JSON.readTree(e.data()).at("/payload/approval").asText()).isEqualTo(approval);
      first = e.id();
    }
    Client.Reply again = new Client(nodeA.uri()).get("/v1/notifications/stream?ticket="
        + URLEncoder.encode(ticket, StandardCharsets.UTF_8), null);
    assertThat(again.status()).as("single use, across nodes").isEqualTo(401);
    assertThat(again.json().get("code").asText()).isEqualTo("stream_ticket_used");

    requestApproval("while away");
    try (SseClient resumed = new SseClient(a.http, streamUri(nodeA, ticket(ana)), null, Long.toString(first))) {
      SseClient.Event e = resumed.next(Duration.ofSeconds(20));
      assertThat(e).isNotNull();
      assertThat(e.id()).isEqualTo(first + 1);
    }
  }

  @Test
  void expiredForgedForeignAndMisplacedTicketsAreRefused() {
    String expiring = ticket(ana);
    now.set(now.get().plusSeconds(61));
    try {
      Client.Reply expired = a.get("/v1/notifications/stream?ticket=" + expiring, null);
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.json().get("code").asText()).isEqualTo("stream_ticket_expired");
    } finally {
      now.set(now.get().minusSeconds(61));
    }

    String ticket = ticket(ana);
    String[] parts = ticket.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String globex = Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"").getBytes(StandardCharsets.UTF_8));
    Client.Reply foreign = a.get("/v1/notifications/stream?ticket=" + globex + "." + parts[1], null);
    assertThat(foreign.status()).as("a ticket rewritten for another tenant").isEqualTo(401);
    assertThat(foreign.json().get("code").asText()).isEqualTo("stream_ticket_invalid");

    Client.Reply wrongKey = new Client(otherKey.uri()).get("/v1/notifications/stream?ticket=" + ticket, null);
    assertThat(wrongKey.status()).as("a node with another key").isEqualTo(401);
    Client.Reply elsewhere = a.get("/v1/notifications?ticket=" + ticket, null);
    assertThat(elsewhere.status()).as("tickets open streams only").isEqualTo(401);
    Client.Reply garbage = a.get("/v1/notifications/stream?ticket=abc", null);
    assertThat(garbage.status()).isEqualTo(401);
    assertThat(a.post("/v1/notifications/stream-ticket", null, "").status()).as("a ticket needs a token").isEqualTo(401);
  }
}
