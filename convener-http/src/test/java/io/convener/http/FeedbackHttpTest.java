package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/feedback} over loopback: a member disputes their own ranking and is held out of the
 * next ranking until an admin rejects the dispute; a disputed credit is marked in the attribution
 * document; the list and the counts per team; a member disputing someone else's result gets 403, and
 * bad bodies get a problem naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackHttpTest {
  static final String AS_OF = "2026-11-01T00:00:00Z";

  Convener convener;
  ConvenerHttpServer server;
  Client client;
  String admin;

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    admin = Tokens.token("acme", "ops", "admin");
    StringBuilder data = new StringBuilder();
    String[] members = {"ana", "bo", "cy", "dee", "eli"};
    for (String m : members) {
      data.append("{\"type\":\"member\",\"id\":\"").append(m).append("\",\"teams\":[\"core\"]}\n");
      for (String purpose : List.of("champion.recommendation", "learning.attribution")) {
        data.append("{\"id\":\"c-").append(m).append('-').append(purpose).append("\",\"at\":\"2026-01-01T00:00:00Z\",")
            .append("\"kind\":\"consent\",\"actor\":\"").append(m).append("\",\"attrs\":{\"purpose\":\"")
            .append(purpose).append("\",\"decision\":\"granted\"}}\n");
      }
    }
    for (int i = 0; i < 60; i++) {
      String at = Instant.parse(AS_OF).minusSeconds(3600L * 24 * (i + 1)).toString();
      data.append("{\"id\":\"e").append(i).append("\",\"at\":\"").append(at).append("\",\"kind\":\"reply\",\"actor\":\"")
          .append(members[i % 5]).append("\",\"targets\":[\"").append(members[(i + 1 + i / 5) % 5]).append("\"]}\n");
    }
    data.append("{\"id\":\"l1\",\"at\":\"2026-10-01T00:00:00Z\",\"kind\":\"learning\",\"actor\":\"bo\"}\n");
    data.append("{\"id\":\"a1\",\"at\":\"2026-10-02T00:00:00Z\",\"kind\":\"applied\",\"actor\":\"ana\",\"refs\":[\"l1\"]}\n");
    data.append("{\"id\":\"o1\",\"at\":\"2026-10-03T00:00:00Z\",\"kind\":\"outcome\",\"actor\":\"ana\",\"refs\":[\"a1\"]}\n");
    Client.Reply r = client.send(client.request("/v1/events", admin).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(data.toString())).build());
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  private List<String> ranked() {
    Client.Reply r = client.post("/v1/champions/discover", admin, "{\"asOf\":\"" + AS_OF + "\",\"limit\":10}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("champions").forEach(c -> ids.add(c.get("member").asText()));
    return ids;
  }

  @Test
  void aDisputeHoldsTheChampionOutUntilAnAdminRejectsIt() {
    List<String> before = ranked();
    String top = before.get(0);
    Client.Reply given = client.post("/v1/feedback", Tokens.token("acme", top, "member"),
        "{\"kind\":\"champion\",\"member\":\"" + top + "\",\"verdict\":\"dispute\",\"reason\":\"a quiet month\"}");
    assertThat(given.status()).as(given.raw().body()).isEqualTo(201);
    JsonNode f = given.json();
    assertThat(f.get("status").asText()).isEqualTo("open");
    assertThat(f.get("reason").asText()).isEqualTo("a quiet month");
    assertThat(ranked()).doesNotContain(top);

    Client.Reply mine = client.get("/v1/feedback", Tokens.token("acme", top, "member"));
    assertThat(mine.json().get("feedback")).hasSize(1);
    Client.Reply review = client.post("/v1/feedback/" + f.get("id").asText() + "/review", admin, "{\"accept\":false}");
    assertThat(review.status()).as(review.raw().body()).isEqualTo(200);
    assertThat(review.json().get("status").asText()).isEqualTo("rejected");
    assertThat(ranked()).isEqualTo(before);

    Client.Reply rates = client.get("/v1/feedback/rates", admin);
    assertThat(rates.status()).isEqualTo(200);
    assertThat(rates.json().get("teams").get(0).get("team").asText()).isEqualTo("core");
    assertThat(rates.json().get("teams").get(0).get("rejected").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aDisputedCreditIsMarkedInTheAttribution() {
    Client.Reply given = client.post("/v1/feedback", Tokens.token("acme", "bo", "member"),
        "{\"kind\":\"attribution\",\"outcome\":\"o1\",\"member\":\"bo\",\"verdict\":\"dispute\",\"reason\":\"cy taught me\"}");
    assertThat(given.status()).as(given.raw().body()).isEqualTo(201);
    Client.Reply a = client.get("/v1/learning/catalysts?outcome=o1", admin);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    JsonNode credit = a.json().get("attributions").get(0).get("contributors").get(0);
    assertThat(credit.get("member").asText()).isEqualTo("bo");
    assertThat(credit.get("disputed").asBoolean()).isTrue();
    assertThat(credit.get("feedback").get(0).asText()).isEqualTo(given.json().get("id").asText());
  }

  @Test
  void othersResultsAndBadBodiesAreRefused() {
    Client.Reply other = client.post("/v1/feedback", Tokens.token("acme", "cy", "member"),
        "{\"kind\":\"champion\",\"member\":\"dee\",\"verdict\":\"dispute\",\"reason\":\"no\"}");
    assertThat(other.status()).isEqualTo(403);
    String[][] bad = {
        {"{\"kind\":\"praise\",\"member\":\"dee\",\"verdict\":\"agree\"}", "kind"},
        {"{\"kind\":\"champion\",\"member\":\"dee\",\"verdict\":\"maybe\"}", "verdict"},
        {"{\"kind\":\"champion\",\"member\":\"dee\",\"verdict\":\"dispute\"}", "reason"},
        {"{\"kind\":\"attribution\",\"member\":\"dee\",\"verdict\":\"agree\"}", "kind"},
        {"{\"kind\":\"risk\",\"risk\":\"BORED\",\"team\":\"core\",\"verdict\":\"agree\"}", "risk"},
        {"{\"kind\":\"champion\",\"member\":\"ghost\",\"verdict\":\"agree\"}", "member"}};
    for (String[] b : bad) {
      Client.Reply r = client.post("/v1/feedback", admin, b[0]);
      assertThat(r.status()).as(b[0]).isIn(400, 404);
      assertThat(r.json().get("field").asText()).as(b[0]).isEqualTo(b[1]);
      assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at io.convener");
    }
    Client.Reply review = client.post("/v1/feedback/nope/review", Tokens.token("acme", "bo", "member"),
        "{\"accept\":true}");
    assertThat(review.status()).isEqualTo(403);
  }
}
