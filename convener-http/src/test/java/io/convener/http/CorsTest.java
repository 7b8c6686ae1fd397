package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS: a configured origin gets its preflight answered, for the methods of the path and the
 * headers the API reads, and may read responses; another origin, and any origin on a server that
 * configures none, gets no CORS header at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {
  static final String WIDGETS = "https://widgets.example.com";
  static final String OTHER = "https://elsewhere.example.org";
  Convener convener;
  ConvenerHttpServer server;
  ConvenerHttpServer closed;
  Client client;
  final String admin = Tokens.token("acme", "ops", "admin");

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).corsOrigin(WIDGETS).start();
    closed = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
  }

  @AfterAll
  void stop() {
    server.close();
    closed.close();
    convener.close();
  }

  private Client.Reply preflight(Client c, String origin, String path, String method, String headers) {
    return c.send(c.request(path, null).header("Origin", origin).header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .build());
  }

  @Test
  void theConfiguredOriginGetsItsPreflightAnswered() {
    Client.Reply ok = preflight(client, WIDGETS, "/v1/champions/discover", "POST",
        "authorization, content-type, idempotency-key");
    assertThat(ok.status()).isEqualTo(204);
    assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(WIDGETS);
    assertThat(ok.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(ok.header("Access-Control-Allow-Headers"))
        .contains("Authorization", "Idempotency-Key", "Last-Event-ID", "Content-Type");
    assertThat(ok.header("Access-Control-Allow-Credentials")).isEmpty();
    Client.Reply stream = preflight(client, WIDGETS, "/v1/notifications/stream", "GET", "last-event-id");
    assertThat(stream.status()).isEqualTo(204);
    Client.Reply wrongMethod = preflight(client, WIDGETS, "/v1/champions/discover", "DELETE", "authorization");
    assertThat(wrongMethod.status()).isEqualTo(405);
    Client.Reply wrongHeader = preflight(client, WIDGETS, "/v1/champions/discover", "POST", "x-tenant");
    assertThat(wrongHeader.status()).isEqualTo(403);
    assertThat(wrongHeader.header("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void responsesToTheConfiguredOriginCarryAllowOriginAndOthersNothing() {
    Client.Reply allowed = client.send(client.request("/v1/notifications", admin).header("Origin", WIDGETS).GET().build());
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(WIDGETS);
    assertThat(allowed.header("Vary")).contains("Origin");
    assertThat(allowed.header("Access-Control-Expose-Headers")).contains("Retry-After");
    Client.Reply problem = client.send(client.request("/v1/notifications", null).header("Origin", WIDGETS).GET().build());
    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.header("Access-Control-Allow-Origin")).as("errors are readable too").isEqualTo(WIDGETS);

    Client.Reply other = client.send(client.request("/v1/notifications", admin).header("Origin", OTHER).GET().build());
    assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();
    Client.Reply otherPreflight = preflight(client, OTHER, "/v1/champions/discover", "POST", "authorization");
    assertThat(otherPreflight.status()).isEqualTo(403);
    assertThat(otherPreflight.header("Access-Control-Allow-Origin")).isEmpty();
    assertThat(otherPreflight.json().get("code").asText()).isEqualTo("cors_origin_denied");
  }

  @Test
  void noOriginIsAllowedByDefault() {
    Client none = new Client(closed.uri());
    Client.Reply r = preflight(none, WIDGETS, "/v1/champions/discover", "POST", "authorization");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.header("Access-Control-Allow-Origin")).isEmpty();
    assertThat(none.send(none.request("/v1/notifications", admin).header("Origin", WIDGETS).GET().build())
        .header("Access-Control-Allow-Origin")).isEmpty();
  }
}
