package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import io.convener.http.internal.Api;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint webhooks over HTTP: an admin registers one (the secret answered once, never listed),
 * lists and removes it; a compliance officer is refused with 403; a plain-http URL off loopback is
 * a 400 problem naming {@code url}; removing an unknown id is a 404.
 */
class CheckpointWebhookHttpTest {
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  final String admin = Tokens.token("acme", "ops", "admin");

  @BeforeEach
  void start() {
    convener = Conveners.builder().database("jdbc:h2:mem:hooks-" + UUID.randomUUID()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void anAdminRegistersListsAndRemovesAWebhook() {
    Client.Reply added = client.post("/v1/provenance/webhooks", admin, "{\"url\":\"https://auditor.example/hook\"}");
    assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
    assertThat(new SchemaCheck(Api.openApi()).check(Api.openApi().at(
        "/paths/~1v1~1provenance~1webhooks/post/responses/201/content/application~1json/schema"), added.json())).isEmpty();
    assertThat(added.json().get("secret").asText()).hasSize(64);
    String id = added.json().get("id").asText();

    Client.Reply list = client.get("/v1/provenance/webhooks", admin);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("webhooks")).hasSize(1);
    assertThat(list.json().get("webhooks").get(0).get("id").asText()).isEqualTo(id);
    assertThat(list.raw().body()).doesNotContain("secret").doesNotContain(added.json().get("secret").asText());

    assertThat(client.send(client.request("/v1/provenance/webhooks/" + id, admin).DELETE().build()).status())
        .isEqualTo(204);
    assertThat(client.send(client.request("/v1/provenance/webhooks/" + id, admin).DELETE().build()).status())
        .isEqualTo(404);
    assertThat(client.get("/v1/provenance/webhooks", admin).json().get("webhooks")).isEmpty();
  }

  @Test
  void aComplianceOfficerCannotRegister() {
    Client.Reply r = client.post("/v1/provenance/webhooks", Tokens.token("acme", "auditor", "compliance_officer"),
        "{\"url\":\"https://auditor.example/hook\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(client.get("/v1/provenance/webhooks", admin).json().get("webhooks")).isEmpty();
  }

  @Test
  void aPlainHttpUrlOffLoopbackIsA400NamingUrl() {
    for (String url : new String[] {"http://auditor.example/hook", "not a url", "ftp://127.0.0.1/x"}) {
      Client.Reply r = client.post("/v1/provenance/webhooks", admin, "{\"url\":\"" + url + "\"}");
      assertThat(r.status()).as(url).isEqualTo(400);
      assertThat(r.json().get("field").asText()).as(url).isEqualTo("url");
    }
  }
}
