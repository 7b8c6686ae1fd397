package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.model.EventKind;
import io.convener.core.Conveners;
import io.convener.http.internal.Api;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.JsonLinesWriter;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/openapi.yaml cannot drift: its paths and methods are exactly the server's routes, and real
 * responses of every route (successes and problems) conform to the schemas it declares for their
 * status and content type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDriftTest {
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  GeneratedOrganisation org;
  final JsonNode doc = Api.openApi();
  final SchemaCheck schemas = new SchemaCheck(doc);
  final String admin = Tokens.token("acme", "ops", "admin");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    org = SyntheticOrganisation.builder().seed(11).members(30).weeks(6).build().generate();
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void theDocumentNamesExactlyTheServedRoutes() {
    TreeSet<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
      p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
    }
    assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void theServedDocumentIsDocsOpenapiYaml() {
    Client.Reply r = client.get("/v1/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(doc);
  }

  @Test
  void realResponsesConformToTheirSchemas() {
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    try (JsonLinesWriter w = JsonLinesWriter.to(jsonl)) {
      w.writeAll(org);
    }
    String member = org.members().get(0).id().value();
    String innovation = org.events().filter(e -> e.kind() == EventKind.INNOVATION).findFirst()
        .orElseThrow().id().value();
    List<Sample> samples = new ArrayList<>();
    samples.add(sample("/v1/events", "post", client.send(client.request("/v1/events", admin)
        .POST(HttpRequest.BodyPublishers.ofString(jsonl.toString(StandardCharsets.UTF_8))).build())));
    samples.add(sample("/v1/pulse/aggregate", "get", client.get("/v1/pulse/aggregate?asOf=" + org.end(), admin)));
    samples.add(sample("/v1/pulse/aggregate", "get", client.get("/v1/pulse/aggregate?window=0d", admin)));
    samples.add(sample("/v1/champions/discover", "post", client.post("/v1/champions/discover", admin,
        "{\"asOf\":\"" + org.end() + "\",\"limit\":3}")));
    samples.add(sample("/v1/champions/discover", "post", client.post("/v1/champions/discover", admin,
        "{\"window\":\"forever\"}")));
    samples.add(sample("/v1/collaborators/recommend", "post", client.post("/v1/collaborators/recommend", admin,
        "{\"team\":\"" + org.teams().get(0).id().value() + "\",\"asOf\":\"" + org.end() + "\"}")));
    samples.add(sample("/v1/learning/catalysts", "get", client.get("/v1/learning/catalysts", admin)));
    samples.add(sample("/v1/innovation/spread/{id}", "get", client.get("/v1/innovation/spread/" + innovation, admin)));
    samples.add(sample("/v1/innovation/candidates", "get", client.get("/v1/innovation/candidates?asOf=" + org.end(), admin)));
    samples.add(sample("/v1/innovation/candidates/{tag}/confirm", "post",
        client.post("/v1/innovation/candidates/no-such-tag/confirm?asOf=" + org.end(), admin, "")));
    samples.add(sample("/v1/innovation/{id}/suggestions", "get",
        client.get("/v1/innovation/" + innovation + "/suggestions?limit=3&asOf=" + org.end(), admin)));
    samples.add(sample("/v1/innovation/{id}/roi", "get", client.get("/v1/innovation/" + innovation + "/roi", admin)));
    String team = org.teams().get(0).id().value();
    samples.add(sample("/v1/learning/plan", "get", client.get("/v1/learning/plan?team=" + team + "&asOf=" + org.end(), admin)));
    samples.add(sample("/v1/learning/plan", "get", client.get("/v1/learning/plan?member=" + member, admin)));
    samples.add(sample("/v1/learning/plan/notify", "post",
        client.post("/v1/learning/plan/notify?team=" + team + "&limit=2", admin, "")));
    samples.add(sample("/v1/consent/grant", "post", client.post("/v1/consent/grant", admin,
        "{\"member\":\"" + member + "\",\"purpose\":\"champion.recommendation\"}")));
    samples.add(sample("/v1/consent/revoke", "post", client.post("/v1/consent/revoke", admin,
        "{\"member\":\"" + member + "\",\"purpose\":\"champion.recommendation\"}")));
    samples.add(sample("/v1/consent", "get", client.get("/v1/consent?member=" + member, admin)));
    Client.Reply requested = client.post("/v1/approvals/request", admin,
        "{\"subject\":\"" + member + "\",\"purpose\":\"profile.share\",\"scope\":\"drift test\"}");
    samples.add(sample("/v1/approvals/request", "post", requested));
    samples.add(sample("/v1/approvals/{id}/decide", "post", client.post("/v1/approvals/"
        + requested.json().path("id").asText("none") + "/decide", Tokens.token("acme", member, "member"),
        "{\"approve\":true,\"reason\":\"fine\"}")));
    samples.add(sample("/v1/approvals", "get", client.get("/v1/approvals", admin)));
    samples.add(sample("/v1/provenance/events", "get", client.get("/v1/provenance/events?limit=5", admin)));
    samples.add(sample("/v1/provenance/verify", "get", client.get("/v1/provenance/verify", admin)));
    Client.Reply checkpoint = client.post("/v1/provenance/checkpoint", admin, "");
    samples.add(sample("/v1/provenance/checkpoint", "post", checkpoint));
    samples.add(sample("/v1/provenance/verify", "post", client.post("/v1/provenance/verify", admin, "{}")));
    samples.add(sample("/v1/provenance/events", "get", client.get("/v1/provenance/events", null)));
    samples.add(sample("/v1/notifications", "get", client.get("/v1/notifications?after=0", admin)));
    samples.add(sample("/v1/notifications/{sequence}/seen", "post", client.post("/v1/notifications/0/seen", admin, "")));
    samples.add(sample("/v1/notifications/{sequence}/read", "post", client.post("/v1/notifications/x/read", admin, "")));
    samples.add(sample("/v1/notifications/stream", "get", client.get("/v1/notifications/stream?lastEventId=-1", admin)));
    samples.add(sample("/v1/notifications/stream-ticket", "post",
        client.post("/v1/notifications/stream-ticket", admin, "")));
    samples.add(sample("/health/live", "get", client.get("/health/live", null)));
    samples.add(sample("/health/ready", "get", client.get("/health/ready", null)));
    samples.add(sample("/v1/openapi.json", "get", client.get("/v1/openapi.json", null)));

    assertThat(samples.stream().map(s -> s.reply.status()).toList())
        .as("statuses").contains(200, 201, 400, 401);
    for (Sample s : samples) {
      JsonNode op = doc.at("/paths/" + s.path.replace("~", "~0").replace("/", "~1") + "/" + s.method);
      assertThat(op.isMissingNode()).as(s.path).isFalse();
      JsonNode response = op.path("responses").path(Integer.toString(s.reply.status()));
      if (response.isMissingNode()) {
        response = op.path("responses").path("default");
      }
      if (response.has("$ref")) {
        response = doc.at(response.get("$ref").asText().substring(1));
      }
      String type = s.reply.header("Content-Type");
      JsonNode schema = response.path("content").path(type).path("schema");
      assertThat(schema.isMissingNode()).as("%s %s %d %s: %s", s.method, s.path, s.reply.status(), type,
          s.reply.raw().body()).isFalse();
      assertThat(schemas.check(schema, s.reply.json())).as("%s %s %d", s.method, s.path, s.reply.status()).isEmpty();
    }
  }

  @Test
  void theSchemaCheckFindsAMismatch() {
    JsonNode schema = doc.at("/components/schemas/Verification");
    assertThat(schemas.check(schema, Client.JSON.createObjectNode().put("verified", "yes"))).hasSize(2);
  }

  private static Sample sample(String path, String method, Client.Reply reply) {
    return new Sample(path, method, reply);
  }

  private record Sample(String path, String method, Client.Reply reply) {}
}
