package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import io.convener.http.internal.Api;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code /v1/admin} routes: an admin reads and replaces the consent policy, the pulse and
 * champion settings and the watchers, in the documented shapes; anyone else is refused with a 403
 * problem; bad bodies are 400s naming the field; every call, a refusal too, leaves an entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRoutesTest {
  private static final Map<String, String> ACTIVITIES = Map.of("/v1/admin/consent-policy", "consent.policy",
      "/v1/admin/pulse-settings", "pulse.configure", "/v1/admin/champion-settings", "champion.configure");

  Convener convener;
  ConvenerHttpServer server;
  Client client;
  final SchemaCheck schemas = new SchemaCheck(Api.openApi());

  @BeforeAll
  void start() {
    convener = Conveners.builder().database("jdbc:h2:mem:admin-" + UUID.randomUUID()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  private Client.Reply put(String path, String token, String body) {
    return client.send(client.request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The outcome and agent of each entry of the activity, in order. */
  private List<String> entries(String tenant, String activity) {
    Client.Reply log = client.get("/v1/provenance/events?activity=" + activity,
        Tokens.token(tenant, "audit", "compliance_officer"));
    assertThat(log.status()).as(log.raw().body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode e : log.json().get("events")) {
      out.add(e.at("/outcome/status").asText() + " " + e.at("/agent/id").asText());
    }
    return out;
  }

  private void conforms(String path, String method, Client.Reply r) {
    JsonNode schema = Api.openApi().at("/paths/" + path.replace("/", "~1") + "/" + method + "/responses/200/content")
        .path("application/json").path("schema");
    assertThat(schema.isMissingNode()).as(path).isFalse();
    assertThat(schemas.check(schema, r.json())).as("%s %s", method, path).isEmpty();
  }

  @Test
  void anAdminReadsAndReplacesEachSettingAndEachCallLeavesAnEntry() {
    String admin = Tokens.token("acme", "ops", "admin");
    for (String path : ACTIVITIES.keySet()) {
      Client.Reply before = client.get(path, admin);
      assertThat(before.status()).as(path + ": " + before.raw().body()).isEqualTo(200);
      conforms(path, "get", before);
      ObjectNode changed = before.json().deepCopy();
      switch (path) {
        case "/v1/admin/consent-policy" -> changed.withArray("enabled").add("host.analytics");
        case "/v1/admin/pulse-settings" -> changed.put("minGroupSize", 7).put("negativeSentiment", -0.35);
        default -> {
          changed.with("weights").put("influence", 0.5);
          changed.withArray("excluded").add("bot-1");
          changed.with("thresholds").put("connectorGroups", 3);
        }
      }
      Client.Reply after = put(path, admin, changed.toString());
      assertThat(after.status()).as(path + ": " + after.raw().body()).isEqualTo(200);
      conforms(path, "put", after);
      assertThat(after.json()).as(path).isEqualTo(path.contains("consent") ? sortedPolicy(changed) : changed);
      assertThat(client.get(path, admin).json()).as(path + " read back").isEqualTo(after.json());
      assertThat(entries("acme", ACTIVITIES.get(path))).as(path).containsExactly("ok ops");
    }
    assertThat(client.get("/v1/admin/pulse-settings", admin).json().get("minGroupSize").asInt()).isEqualTo(7);
  }

  private static JsonNode sortedPolicy(ObjectNode policy) {
    List<String> names = new ArrayList<>();
    policy.get("enabled").forEach(n -> names.add(n.asText()));
    return Client.JSON.valueToTree(Map.of("enabled", names.stream().sorted().toList()));
  }

  @Test
  void aMemberIsRefusedWithAProblemAndTheRefusalIsLogged() {
    String admin = Tokens.token("globex", "ops", "admin");
    String member = Tokens.token("globex", "m-1", "member");
    for (String path : ACTIVITIES.keySet()) {
      String current = client.get(path, admin).raw().body();
      Client.Reply refused = put(path, member, current);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.json().get("code").asText()).isEqualTo("access_denied");
      assertThat(entries("globex", ACTIVITIES.get(path))).as(path).containsExactly("denied m-1");
    }
    Client.Reply watch = client.post("/v1/admin/watchers/add", member, "{\"scope\":\"team:a\",\"members\":[\"m-1\"]}");
    assertThat(watch.status()).isEqualTo(403);
    assertThat(client.get("/v1/admin/watchers", member).status()).isEqualTo(403);
    assertThat(client.get("/v1/admin/pulse-settings", member).status()).isEqualTo(403);
    assertThat(entries("globex", "pulse.watch")).containsExactly("denied m-1");
    assertThat(entries("globex", "pulse.watchers")).containsExactly("denied m-1");
  }

  @Test
  void badBodiesAreRefusedNamingTheFieldAndChangeNothing() {
    String admin = Tokens.token("initech", "ops", "admin");
    JsonNode pulse = client.get("/v1/admin/pulse-settings", admin).json();
    JsonNode champions = client.get("/v1/admin/champion-settings", admin).json();
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("minGroupSize", ((ObjectNode) pulse.deepCopy()).put("minGroupSize", 1.5).toString());
    cases.put("minGroupSize ", ((ObjectNode) pulse.deepCopy()).put("minGroupSize", 2).toString());
    cases.put("lowPsychSafety", ((ObjectNode) pulse.deepCopy()).without("lowPsychSafety").toString());
    cases.put("minGroupsize", ((ObjectNode) pulse.deepCopy()).put("minGroupsize", 5).toString());
    cases.put("engagementDrop", ((ObjectNode) pulse.deepCopy()).put("engagementDrop", "high").toString());
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Client.Reply r = put("/v1/admin/pulse-settings", admin, c.getValue());
      assertThat(r.status()).as(c.getKey()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo(c.getKey().strip());
      assertThat(r.json().get("detail").asText()).doesNotContain("Exception", "io.convener");
    }
    ObjectNode decay = champions.deepCopy();
    decay.with("thresholds").put("repeatDecay", 0);
    assertThat(put("/v1/admin/champion-settings", admin, decay.toString()).json().get("field").asText())
        .isEqualTo("thresholds.repeatDecay");
    ObjectNode weight = champions.deepCopy();
    weight.with("weights").put("Influence!", 1);
    assertThat(put("/v1/admin/champion-settings", admin, weight.toString()).json().get("field").asText())
        .isEqualTo("weights");
    assertThat(put("/v1/admin/consent-policy", admin, "{\"enabled\":[\"champion.*\"]}").json().get("field").asText())
        .isEqualTo("enabled");
    assertThat(put("/v1/admin/consent-policy", admin, "[]").status()).isEqualTo(400);
    assertThat(client.post("/v1/admin/watchers/add", admin, "{\"scope\":\"squad:x\",\"members\":[\"m\"]}")
        .json().get("field").asText()).isEqualTo("scope");
    assertThat(client.post("/v1/admin/watchers/add", admin, "{\"scope\":\"team:x\",\"members\":[\"ghost\"]}")
        .json().get("field").asText()).isEqualTo("members");
    assertThat(client.get("/v1/admin/watchers?scope=team:", admin).status()).isEqualTo(400);

    assertThat(client.get("/v1/admin/pulse-settings", admin).json()).isEqualTo(pulse);
    assertThat(client.get("/v1/admin/champion-settings", admin).json()).isEqualTo(champions);
    assertThat(entries("initech", "pulse.configure")).as("refused before the service: no call made").isEmpty();
    assertThat(entries("initech", "pulse.watch")).as("the unknown member reached the gate").containsExactly("failed ops");
  }
}
