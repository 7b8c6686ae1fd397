package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.core.Conveners;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 section 5, over HTTP only: an admin enables {@code notification.direct} in the consent
 * policy and names a watcher of a team, the watcher consents, and a pulse of the team with risks
 * reaches the watcher's inbox, naming no member; a consenting member who does not watch gets
 * nothing.
 */
class WatcherEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final Convener convener =
      Conveners.builder().database("jdbc:h2:mem:watchers-" + UUID.randomUUID()).inMemoryKeys().build();
  private final ConvenerHttpServer server =
      ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
  private final Client client = new Client(server.uri());

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void aWatcherSetThroughTheApiIsToldOfThePulseRisks() throws Exception {
    PlantedPulseScenario scenario = PlantedPulseScenario.standard();
    convener.ingest().submit(Principal.of(TenantId.of("acme"), "loader", Role.ADMIN), scenario.members(),
        scenario.events());
    String watcher = scenario.members().get(0).id().value();
    String bystander = scenario.members().get(1).id().value();
    String admin = Tokens.token("acme", "ops", "admin");

    List<String> enabled = new ArrayList<>(Purpose.standard().stream().map(Purpose::name).toList());
    enabled.add("notification.direct");
    Client.Reply policy = client.send(client.request("/v1/admin/consent-policy", admin)
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            Client.JSON.writeValueAsString(java.util.Map.of("enabled", enabled)))).build());
    assertThat(policy.status()).as(policy.raw().body()).isEqualTo(200);
    for (String m : List.of(watcher, bystander)) {
      Client.Reply consent = client.post("/v1/consent/grant", Tokens.token("acme", m, "member"),
          "{\"member\":\"" + m + "\",\"purpose\":\"notification.direct\"}");
      assertThat(consent.status()).as(consent.raw().body()).isEqualTo(200);
    }
    String scope = "team:" + PlantedPulseScenario.QUIET.value();
    Client.Reply added = client.post("/v1/admin/watchers/add", admin,
        "{\"scope\":\"" + scope + "\",\"members\":[\"" + watcher + "\"]}");
    assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
    assertThat(added.json().at("/watchers/0/members/0").asText()).isEqualTo(watcher);
    Client.Reply log = client.get("/v1/provenance/events?activity=pulse.watch", admin);
    assertThat(log.json().get("events")).singleElement().satisfies(e -> {
      assertThat(e.at("/outcome/status").asText()).isEqualTo("ok");
      assertThat(e.at("/agent/id").asText()).isEqualTo("ops");
    });

    Client.Reply pulse = client.get("/v1/pulse/aggregate?team=" + PlantedPulseScenario.QUIET.value() + "&asOf="
        + PlantedPulseScenario.AS_OF, Tokens.token("acme", "cm", "community_manager"));
    assertThat(pulse.status()).as(pulse.raw().body()).isEqualTo(200);
    assertThat(pulse.json().get("risks")).isNotEmpty();

    List<JsonNode> told = inbox(Tokens.token("acme", watcher, "member"), true);
    assertThat(told).allSatisfy(m -> {
      assertThat(m.get("kind").asText()).isEqualTo("pulse.risk");
      assertThat(m.at("/payload/scope").asText()).isEqualTo(scope);
      for (var member : scenario.members()) {
        assertThat(m.get("payload").toString()).doesNotContain("\"" + member.id().value() + "\"");
      }
    });
    assertThat(inbox(Tokens.token("acme", bystander, "member"), false)).as("not a watcher").isEmpty();
  }

  /** The inbox, waiting up to {@link #WAIT} for the relay when a message is expected. */
  private List<JsonNode> inbox(String token, boolean expectSome) {
    if (!expectSome) {
      return assertInbox(read(token), false);
    }
    return assertInbox(await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
        .until(() -> read(token), messages -> !messages.isEmpty()), true);
  }

  private List<JsonNode> read(String token) {
    Client.Reply r = client.get("/v1/notifications", token);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    List<JsonNode> messages = new ArrayList<>();
    r.json().get("messages").forEach(messages::add);
    return messages;
  }

  private static List<JsonNode> assertInbox(List<JsonNode> messages, boolean expectSome) {
    assertThat(messages.isEmpty()).as("messages arrived").isEqualTo(!expectSome);
    return messages;
  }
}
