package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loose or broken request input is refused at the edge with a 400 problem that names the field and
 * shows nothing of the server's insides: unpaired surrogates anywhere in a body, duplicate keys,
 * fractions and out-of-range numbers in integer fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputHygieneTest {
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  String manager;

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    manager = Tokens.token("acme", "ops", "admin", "community_manager");
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  /** The body has the six characters backslash, u, d, 8, 0, 0: JSON's escape of a lone surrogate. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/v1/champions/discover      | {\"team\":\"\\ud800\"}                   | team",
      "/v1/collaborators/recommend | {\"team\":\"t\\udc00x\"}                 | team",
      "/v1/collaborators/recommend | {\"team\":\"t\",\"skills\":[\"ok\",\"\\ud83d\"]} | skills[1]",
      "/v1/approvals/request       | {\"subject\":\"m\",\"purpose\":\"profile.share\",\"scope\":\"\\ud800\"} | scope",
      "/v1/champions/discover      | {\"a\":{\"b\":[\"\\udfff\"]}}               | a.b[0]",
  })
  void anUnpairedSurrogateIsA400NamingTheFieldWithNothingInternal(String path, String body, String field) {
    Client.Reply r = client.post(path, manager, body);
    assertInvalid(r, field);
    assertThat(r.json().get("detail").asText()).contains("unpaired surrogate").doesNotContain("$.").doesNotContain("used");
  }

  @Test
  void anUnpairedSurrogateInAFieldNameIsA400() {
    Client.Reply r = client.post("/v1/champions/discover", manager, "{\"\\ud800\":1}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).isEqualTo("the request body is not JSON");
  }

  @Test
  void aPairedSurrogateIsAnOrdinaryCharacter() {
    Client.Reply r = client.post("/v1/champions/discover", manager, "{\"team\":\"t-\\ud83d\\ude00\"}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
  }

  @Test
  void aFieldGivenTwiceIsRefused() {
    Client.Reply r = client.post("/v1/champions/discover", manager, "{\"limit\":1,\"limit\":2}");
    assertInvalid(r, "limit");
    assertThat(r.json().get("detail").asText()).isEqualTo("limit: is given more than once");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.5     | got 1.5",
      "1e400   | got 1E+400",
      "-1e400  | got -1E+400",
      "1e-400  | got 1E-400",
      "0       | got 0",
      "10001   | got 10001",
      "99999999999999999999 | got 99999999999999999999",
      "\"20\"  | it is not a number",
  })
  void anIntegerFieldRefusesFractionsAndReportsTheNumberSent(String limit, String detail) {
    Client.Reply r = client.post("/v1/champions/discover", manager, "{\"limit\":" + limit + "}");
    assertInvalid(r, "limit");
    assertThat(r.json().get("detail").asText()).startsWith("limit: must be an integer from 1 to 10000").endsWith(detail);
    Client.Reply c = client.post("/v1/collaborators/recommend", manager, "{\"team\":\"t\",\"limit\":" + limit + "}");
    assertInvalid(c, "limit");
  }

  @Test
  void anIntegerWrittenWithAZeroFractionIsThatInteger() {
    Client.Reply r = client.post("/v1/champions/discover", manager, "{\"limit\":2.0}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
  }

  @Test
  void aQueryLimitOutOfRangeReportsTheValueSent() {
    Client.Reply r = client.get("/v1/notifications?limit=1e400", manager);
    assertInvalid(r, "limit");
    assertThat(r.json().get("detail").asText()).isEqualTo("limit: must be an integer from 1 to 1000, got '1e400'");
  }

  @Test
  void anApprovalForSomebodyWhoIsNoMemberIsA404AndOneForAMemberIsTaken() {
    String body = "{\"subject\":\"%s\",\"purpose\":\"profile.share\",\"scope\":\"mentoring list\"}";
    Client.Reply ghost = client.post("/v1/approvals/request", manager, body.formatted("ghost"));
    assertThat(ghost.status()).as(ghost.raw().body()).isEqualTo(404);
    assertThat(ghost.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(ghost.json().get("code").asText()).isEqualTo("not_found");
    assertThat(ghost.json().get("field").asText()).isEqualTo("subject");
    assertThat(ghost.json().get("detail").asText()).isEqualTo("subject: no member 'ghost' in this tenant");

    Client.Reply member = client.send(client.request("/v1/events", manager)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"member\",\"id\":\"ana\"}\n")).build());
    assertThat(member.status()).as(member.raw().body()).isEqualTo(200);
    Client.Reply ana = client.post("/v1/approvals/request", manager, body.formatted("ana"));
    assertThat(ana.status()).as(ana.raw().body()).isEqualTo(201);
  }

  private static void assertInvalid(Client.Reply r, String field) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.get("code").asText()).isEqualTo("invalid_input");
    assertThat(problem.get("field").asText()).isEqualTo(field);
  }
}
