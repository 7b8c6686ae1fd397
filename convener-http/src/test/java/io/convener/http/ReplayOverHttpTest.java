package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §2 over the wire: a kept response is handed out again only to its own caller, only
 * after the gate's role and consent checks, and every hand-out, admitted or denied, is logged with
 * {@code replayOf}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayOverHttpTest {
  static final String A = "acme";
  static final String BODY = "{\"asOf\":\"2026-11-01T00:00:00Z\",\"limit\":10}";
  static final Principal ADMIN = Principal.of(TenantId.of(A), "admin", Role.ADMIN);

  Convener convener;
  ConvenerHttpServer server;
  Client client;
  final String manager = Tokens.token(A, "cm", "community_manager");
  final String auditor = Tokens.token(A, "audrey", "compliance_officer");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    List<Member> members = new ArrayList<>();
    for (String id : List.of("ana", "ben", "cai", "dee")) {
      members.add(Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build());
    }
    String[][] replies = {{"ana", "ben"}, {"ben", "cai"}, {"cai", "ana"}, {"ana", "cai"}, {"dee", "ana"}};
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < replies.length; i++) {
      events.add(Event.builder(EventId.of("e" + i), asOf.minus(Duration.ofDays(2 + i)), EventKind.REPLY,
          MemberId.of(replies[i][0])).targets(List.of(MemberId.of(replies[i][1]))).build());
    }
    convener.ingest().submit(ADMIN, members, events);
    members.forEach(m -> convener.consent().grant(ADMIN, m.id(), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  Client.Reply post(String path, String token, String key, String body) {
    return client.send(client.request(path, token).header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The log's champion.rank entries, oldest first. */
  List<JsonNode> rankEntries() {
    Client.Reply log = client.get("/v1/provenance/events?activity=champion.rank&limit=1000", auditor);
    assertThat(log.status()).as(log.raw().body()).isEqualTo(200);
    return StreamSupport.stream(log.json().get("events").spliterator(), false).toList();
  }

  @Test
  void aMemberSendingTheManagersKeyGets403AndTheManagersReplayIsLoggedWithReplayOf() {
    Client.Reply first = post("/v1/champions/discover", manager, "order-42", BODY);
    assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
    assertThat(first.json().get("champions")).isNotEmpty();
    long original = first.json().get("provenanceId").asLong();

    Client.Reply member = post("/v1/champions/discover", Tokens.token(A, "ana", "member"), "order-42", BODY);
    assertThat(member.status()).isEqualTo(403);
    assertThat(member.header("Idempotent-Replayed")).isEmpty();
    assertThat(member.raw().body()).doesNotContain("champions").doesNotContain("\"ben\"");

    Client.Reply again = post("/v1/champions/discover", manager, "order-42", BODY);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.raw().body()).isEqualTo(first.raw().body());

    List<JsonNode> entries = rankEntries();
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.at("/agent/id").asText()).isEqualTo("ana");
      assertThat(e.at("/outcome/status").asText()).isEqualTo("denied");
    });
    assertThat(entries).filteredOn(e -> e.path("replayOf").asLong(-1) == original).singleElement().satisfies(e -> {
      assertThat(e.at("/agent/id").asText()).isEqualTo("cm");
      assertThat(e.at("/outcome/status").asText()).isEqualTo("ok");
    });
  }

  @Test
  void theSameCallerWhoLostTheRoleIsDeniedAndTheDeniedReplayIsLogged() {
    Client.Reply first = post("/v1/champions/discover", manager, "order-7", BODY);
    assertThat(first.status()).isEqualTo(200);
    long original = first.json().get("provenanceId").asLong();

    Client.Reply demoted = post("/v1/champions/discover", Tokens.token(A, "cm", "member"), "order-7", BODY);

    assertThat(demoted.status()).isEqualTo(403);
    assertThat(demoted.json().get("code").asText()).isEqualTo("access_denied");
    assertThat(demoted.raw().body()).doesNotContain("champions");
    assertThat(rankEntries()).filteredOn(e -> e.path("replayOf").asLong(-1) == original).singleElement()
        .satisfies(e -> {
          assertThat(e.at("/outcome/status").asText()).isEqualTo("denied");
          assertThat(e.at("/agent/roles").toString()).isEqualTo("[\"MEMBER\"]");
        });
  }

  @Test
  void theSameKeyOnAnotherRouteIsNotAReplay() {
    assertThat(post("/v1/champions/discover", manager, "order-9", BODY).status()).isEqualTo(200);

    Client.Reply other = post("/v1/collaborators/recommend", manager, "order-9",
        "{\"team\":\"red\",\"asOf\":\"2026-11-01T00:00:00Z\"}");

    assertThat(other.status()).as(other.raw().body()).isEqualTo(200);
    assertThat(other.header("Idempotent-Replayed")).isEmpty();
    assertThat(other.json().get("team").asText()).isEqualTo("red");
  }

  @Test
  void aPersonWhoWithdrewConsentIsNotHandedOutAgain() {
    String body = "{\"asOf\":\"2026-11-01T00:00:00Z\",\"limit\":3}";
    Client.Reply first = post("/v1/champions/discover", manager, "order-43", body);
    assertThat(first.status()).isEqualTo(200);
    String named = first.json().at("/champions/0/member").asText();
    convener.consent().revoke(ADMIN, MemberId.of(named), Purpose.CHAMPION_RECOMMENDATION);
    try {
      Client.Reply replay = post("/v1/champions/discover", manager, "order-43", body);
      assertThat(replay.status()).isEqualTo(409);
      assertThat(replay.json().get("code").asText()).isEqualTo("consent_changed");
      assertThat(replay.raw().body()).doesNotContain("\"" + named + "\"");

      Client.Reply retry = post("/v1/champions/discover", manager, "order-43", body);
      assertThat(retry.status()).isEqualTo(200);
      assertThat(retry.header("Idempotent-Replayed")).isEmpty();
      assertThat(retry.json().get("champions").findValuesAsText("member")).doesNotContain(named);
    } finally {
      convener.consent().grant(ADMIN, MemberId.of(named), Purpose.CHAMPION_RECOMMENDATION, "notice-1");
    }
  }
}
