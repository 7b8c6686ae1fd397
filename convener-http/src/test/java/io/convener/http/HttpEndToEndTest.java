package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.JsonLinesWriter;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on loopback (port 0) over a temporary H2 database: the demo organisation ingested over
 * HTTP with a signed token, then pulse, provenance and the tenant wall read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEndToEndTest {
  static final String A = "acme";
  static final String B = "globex";

  Convener convener;
  ConvenerHttpServer server;
  Client client;
  GeneratedOrganisation org;
  String adminA;
  long lines;
  Client.Reply ingest;

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    adminA = Tokens.token(A, "ops", "admin");
    org = SyntheticOrganisation.builder().seed(7).members(60).weeks(8).build().generate();
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    try (JsonLinesWriter w = JsonLinesWriter.to(jsonl)) {
      lines = w.writeAll(org);
    }
    ingest = client.send(client.request("/v1/events", adminA).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(jsonl.toString(StandardCharsets.UTF_8))).build());
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void ingestsTheDemoOrganisationOverHttp() {
    assertThat(ingest.status()).as(ingest.raw().body()).isEqualTo(200);
    JsonNode report = ingest.json();
    assertThat(report.get("tenant").asText()).isEqualTo(A);
    assertThat(report.get("rejectedCount").asLong()).isZero();
    assertThat(report.get("accepted").asLong() + report.get("duplicates").asLong()).isEqualTo(lines);
    assertThat(report.get("members").asLong()).isEqualTo(org.members().size());
  }

  @Test
  void readsThePulseOfATeam() {
    String team = org.teams().get(0).id().value();
    Client.Reply r = client.get("/v1/pulse/aggregate?team=" + team + "&asOf=" + org.end(), adminA);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.json().get("scope").asText()).isEqualTo("team:" + team);
    assertThat(r.json().at("/metrics/members").asLong()).isEqualTo(org.teams().get(0).members().size());
    assertThat(r.json().get("provenanceId").asLong()).isPositive();
  }

  @Test
  void readsChampionsAndCollaborators() {
    Client.Reply r = client.post("/v1/champions/discover", adminA, "{\"asOf\":\"" + org.end() + "\",\"limit\":5}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.json().get("tenant").asText()).isEqualTo(A);
    assertThat(r.json().get("candidates").asInt()).isPositive();
    assertThat(r.json().get("champions").size() + r.json().get("withheld").asInt()).isPositive();
    assertThat(r.json().get("champions").size()).isLessThanOrEqualTo(5);
    String team = org.teams().get(0).id().value();
    Client.Reply c = client.post("/v1/collaborators/recommend", adminA,
        "{\"team\":\"" + team + "\",\"asOf\":\"" + org.end() + "\"}");
    assertThat(c.status()).as(c.raw().body()).isEqualTo(200);
    assertThat(c.json().get("team").asText()).isEqualTo(team);
    Client.Reply b = client.post("/v1/champions/discover", Tokens.token(B, "ops", "admin"),
        "{\"asOf\":\"" + org.end() + "\"}");
    assertThat(b.status()).isEqualTo(200);
    assertThat(b.json().get("candidates").asInt()).isZero();
    assertThat(b.json().get("champions")).isEmpty();
  }

  @Test
  void provenanceListsTheIngestionAndVerifies() {
    Client.Reply r = client.get("/v1/provenance/events?activity=ingest&limit=1000", adminA);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.json().get("events")).isNotEmpty();
    r.json().get("events").forEach(e -> {
      assertThat(e.get("tenant").asText()).isEqualTo(A);
      assertThat(e.at("/agent/id").asText()).isEqualTo("ops");
    });
    Client.Reply v = client.get("/v1/provenance/verify", adminA);
    assertThat(v.status()).isEqualTo(200);
    assertThat(v.json().get("verified").asBoolean()).isTrue();
    Client.Reply c = client.post("/v1/provenance/checkpoint", adminA, "");
    assertThat(c.status()).isEqualTo(200);
    Client.Reply again = client.post("/v1/provenance/verify", adminA,
        "{\"checkpoint\":" + Client.JSON.valueToTree(c.json().get("checkpoint").asText()) + "}");
    assertThat(again.json().get("verified").asBoolean()).as(again.raw().body()).isTrue();
  }

  @Test
  void aTokenForTenantBCannotReadTenantA() {
    String adminB = Tokens.token(B, "ops", "admin");
    String team = org.teams().get(0).id().value();
    Client.Reply pulse = client.get("/v1/pulse/aggregate?team=" + team + "&asOf=" + org.end(), adminB);
    assertThat(pulse.status()).isEqualTo(200);
    assertThat(pulse.json().at("/metrics/members").asLong()).isZero();
    Client.Reply log = client.get("/v1/provenance/events?limit=1000", adminB);
    assertThat(log.status()).isEqualTo(200);
    log.json().get("events").forEach(e -> assertThat(e.get("tenant").asText()).isEqualTo(B));
    assertThat(log.json().get("events").findValuesAsText("activity")).doesNotContain("ingest");
  }

  @Test
  void aMissingOrBadTokenGets401WithProblemDetails() {
    for (String token : new String[] {null, "not-a-jwt", Tokens.forged(A, "ops")}) {
      Client.Reply r = client.get("/v1/provenance/events", token);
      assertThat(r.status()).as(String.valueOf(token)).isEqualTo(401);
      assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
      JsonNode p = r.json();
      assertThat(p.get("status").asInt()).isEqualTo(401);
      assertThat(p.get("code").asText()).isNotBlank();
      assertThat(p.get("type").asText()).endsWith(p.get("code").asText());
      assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void badInputNamesTheFieldAndUnknownRoutesAre404() {
    Client.Reply r = client.get("/v1/pulse/aggregate?window=900d", adminA);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("window");
    assertThat(client.get("/v1/nothing-here", adminA).status()).isEqualTo(404);
    Client.Reply wrongMethod = client.get("/v1/events", adminA);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
  }

  @Test
  void healthNeedsNoTokenAndNamesNoTenant() {
    Client.Reply live = client.get("/health/live", null);
    assertThat(live.status()).isEqualTo(200);
    assertThat(client.get("/health/ready", null).json().get("status").asText()).isEqualTo("ready");
    assertThat(live.raw().body()).doesNotContain(A);
  }
}
