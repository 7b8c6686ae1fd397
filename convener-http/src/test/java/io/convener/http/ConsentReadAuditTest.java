package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/consent} reads consent through the gate: every request leaves one provenance
 * entry, the refused one included (the repro of issue 13: 200, 403, 200 left no entry at all).
 */
class ConsentReadAuditTest {
  private final Convener convener =
      Conveners.builder().database("jdbc:h2:mem:consent-read-" + UUID.randomUUID()).inMemoryKeys().build();
  private final ConvenerHttpServer server =
      ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void everyConsentReadLeavesAnEntryARefusalIncluded() {
    Client client = new Client(server.uri());
    String admin = Tokens.token("acme", "ops", "admin");
    Client.Reply grant = client.send(client.request("/v1/consent/grant", admin)
        .POST(HttpRequest.BodyPublishers.ofString("{\"member\":\"m-1\",\"purpose\":\"pulse.individual\"}")).build());
    assertThat(grant.status()).as(grant.raw().body()).isEqualTo(200);

    Client.Reply all = client.get("/v1/consent", admin);
    Client.Reply other = client.get("/v1/consent?member=m-1", Tokens.token("acme", "m-2", "member"));
    Client.Reply own = client.get("/v1/consent?member=m-1", Tokens.token("acme", "m-1", "member"));

    assertThat(List.of(all.status(), other.status(), own.status())).containsExactly(200, 403, 200);
    assertThat(all.json().get("consents")).hasSize(1);
    assertThat(own.json().get("consents")).hasSize(1);
    Client.Reply log = client.get("/v1/provenance/events?activity=consent.read", Tokens.token("acme", "audit", "compliance_officer"));
    assertThat(log.status()).as(log.raw().body()).isEqualTo(200);
    List<String> outcomes = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    for (JsonNode e : log.json().get("events")) {
      outcomes.add(e.get("outcome").get("status").asText());
      agents.add(e.get("agent").get("id").asText());
    }
    assertThat(outcomes).containsExactly("ok", "denied", "ok");
    assertThat(agents).containsExactly("ops", "m-2", "m-1");
  }
}
