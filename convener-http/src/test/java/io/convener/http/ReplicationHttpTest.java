package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/innovation/{id}/suggestions} and {@code /roi}: ranked teams with reasons, the
 * not-enough-data answer, bad input, roles, tenants.
 */
class ReplicationHttpTest {
  private static final String AS_OF = "2025-03-10T00:00:00Z";
  private final String admin = Tokens.token("acme", "ops", "admin");
  private Convener convener;
  private ConvenerHttpServer server;
  private Client client;

  @BeforeEach
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    List<String> lines = List.of(
        "{\"type\":\"member\",\"id\":\"ana\",\"teams\":[\"t-a\"]}",
        "{\"type\":\"member\",\"id\":\"bo\",\"teams\":[\"t-b\"]}",
        "{\"type\":\"member\",\"id\":\"cy\",\"teams\":[\"t-c\"]}",
        "{\"id\":\"i1\",\"at\":\"2025-03-01T09:00:00Z\",\"kind\":\"innovation\",\"actor\":\"ana\",\"team\":\"t-a\"}",
        "{\"id\":\"m1\",\"at\":\"2025-03-02T09:00:00Z\",\"kind\":\"meeting\",\"actor\":\"bo\",\"targets\":[\"ana\"]}",
        "{\"id\":\"m2\",\"at\":\"2025-03-03T09:00:00Z\",\"kind\":\"message\",\"actor\":\"ana\",\"targets\":[\"bo\"]}");
    assertThat(client.post("/v1/events", admin, String.join("\n", lines)).status()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void ranksTheTeamsThatHaveNotAdoptedWithTheirReasons() {
    Client.Reply r = client.get("/v1/innovation/i1/suggestions?limit=2&asOf=" + AS_OF, admin);
    assertThat(r.status()).isEqualTo(200);
    JsonNode first = r.json().get("suggestions").get(0);
    assertThat(first.get("team").asText()).isEqualTo("t-b");
    assertThat(first.get("collaborations").asInt()).isEqualTo(2);
    assertThat(first.get("nearestAdopter").asText()).isEqualTo("t-a");
    assertThat(first.get("reason").asText()).startsWith("2 collaborations with adopting teams (most with t-a)");
    assertThat(r.json().get("suggestions").get(1).get("nearestAdopter").isNull()).isTrue();
    assertThat(r.json().get("provenanceId").asLong()).isPositive();
    assertThat(r.raw().body()).doesNotContain("ana").doesNotContain("\"bo\"");
  }

  @Test
  void badInputIsAProblemAndOthersAreRefused() {
    Client.Reply unknown = client.get("/v1/innovation/nope/suggestions", admin);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.raw().body()).contains("innovation").contains("has no innovation nope")
        .doesNotContain("Exception").doesNotContain("at io.");
    assertThat(client.get("/v1/innovation/i1/suggestions?limit=0", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/innovation/i1/suggestions?limit=101", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/innovation/i1/suggestions?asOf=yesterday", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/innovation/i1/suggestions", Tokens.token("acme", "bo", "member")).status())
        .isEqualTo(403);
    assertThat(client.get("/v1/innovation/i1/suggestions", Tokens.token("globex", "ops", "admin")).status())
        .isEqualTo(400);
  }

  @Test
  void roiSaysWhenThereIsNotEnoughDataAndRefusesBadWindows() {
    Client.Reply r = client.get("/v1/innovation/i1/roi?before=14d&after=14d", admin);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("before").asText()).isEqualTo("PT336H");
    assertThat(r.json().get("effect").isNull()).isTrue();
    assertThat(r.json().get("notEnoughData").asText()).startsWith("not enough data: needs at least 3 adopting");
    Client.Reply bad = client.get("/v1/innovation/i1/roi?after=0d", admin);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.raw().body()).contains("after").contains("expected 1d to 3660d, got '0d'");
    assertThat(client.get("/v1/innovation/nope/roi", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/innovation/i1/roi", Tokens.token("acme", "bo", "member")).status()).isEqualTo(403);
  }
}
