package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.core.Conveners;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.JsonLinesWriter;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §7 over HTTP: a real H2 server holds the store, and its TCP listener is stopped. Reads
 * of champions and the pulse are then answered from their last result, marked stale with
 * computedAt and the cause, naming nobody whose consent was revoked before the outage; a write
 * fails fast with 503 problem+json and leaves nothing behind once the server is back.
 */
class DegradedModeTest {
  private static final String A = "acme";
  private static final Duration DEADLINE = Duration.ofSeconds(3);

  @Test
  void readsAreServedStaleAndWritesFailFastWhileTheStoreIsDown() throws Exception {
    Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    int port = tcp.getPort();
    String url = "jdbc:h2:tcp://localhost:" + port + "/mem:degraded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Convener convener = Conveners.builder().database(url).inMemoryKeys().build();
    ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    Server again = null;
    try {
      Client client = new Client(server.uri());
      String admin = Tokens.token(A, "ops", "admin");
      GeneratedOrganisation org = SyntheticOrganisation.builder().seed(7).members(30).weeks(4).build().generate();
      assertThat(ingest(client, admin, jsonl(org)).status()).isEqualTo(200);
      String ranking = "{\"asOf\":\"" + org.end() + "\",\"limit\":5}";
      String pulse = "/v1/pulse/aggregate?team=" + org.teams().get(0).id().value() + "&asOf=" + org.end();

      JsonNode fresh = client.post("/v1/champions/discover", admin, ranking).json();
      List<String> named = members(fresh);
      assertThat(named).as(fresh.toString()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(client.get(pulse, admin).status()).isEqualTo(200);
      Principal ops = Principal.of(TenantId.of(A), "ops", Role.ADMIN);
      convener.consent().revoke(ops, MemberId.of(named.get(0)), Purpose.CHAMPION_RECOMMENDATION);
      // Another question reads the tenant's consent again; the ranking above stays the last known.
      assertThat(client.post("/v1/champions/discover", admin, "{\"asOf\":\"" + org.end() + "\",\"limit\":6}")
          .status()).isEqualTo(200);

      tcp.stop();
      Instant down = Instant.now();
      Client.Reply first = client.post("/v1/champions/discover", admin, ranking);
      Duration firstTook = Duration.between(down, Instant.now());
      assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
      assertThat(firstTook).isLessThan(Duration.ofSeconds(7)); // at most the 5 s connection timeout

      Client.Reply stale = timed(() -> client.post("/v1/champions/discover", admin, ranking));
      assertThat(stale.status()).as(stale.raw().body()).isEqualTo(200);
      JsonNode doc = stale.json();
      assertThat(Instant.parse(doc.at("/stale/computedAt").asText())).isBefore(down);
      assertThat(doc.at("/stale/cause").asText()).contains("store is unavailable").doesNotContain("jdbc");
      assertThat(members(doc)).doesNotContain(named.get(0)).isNotEmpty().isSubsetOf(named);
      assertThat(doc.get("withheld").asInt()).isGreaterThan(fresh.get("withheld").asInt());

      Client.Reply stalePulse = timed(() -> client.get(pulse, admin));
      assertThat(stalePulse.status()).as(stalePulse.raw().body()).isEqualTo(200);
      assertThat(stalePulse.json().at("/stale/cause").asText()).contains("store is unavailable");

      String late = lateEvent(org);
      Client.Reply write = timed(() -> ingest(client, admin, late));
      assertThat(write.status()).as(write.raw().body()).isEqualTo(503);
      assertThat(write.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(write.json().get("code").asText()).isEqualTo("storage");
      assertThat(write.raw().body()).doesNotContain("jdbc").doesNotContain("tcp://");

      again = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        Client.Reply r = client.post("/v1/champions/discover", admin, ranking);
        return r.status() == 200 && !r.json().has("stale");
      });
      JsonNode retried = ingest(client, admin, late).json();
      assertThat(retried.get("accepted").asLong()).as("the refused write left nothing: " + retried).isOne();
    } finally {
      server.close();
      convener.close();
      if (again != null) {
        again.stop();
      }
      tcp.stop();
    }
  }

  private static Client.Reply timed(Supplier<Client.Reply> call) {
    long start = System.nanoTime();
    Client.Reply reply = call.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
    return reply;
  }

  private static List<String> members(JsonNode ranking) {
    List<String> out = new ArrayList<>();
    ranking.get("champions").forEach(c -> out.add(c.get("member").asText()));
    return out;
  }

  private static Client.Reply ingest(Client client, String token, String jsonl) {
    return client.send(client.request("/v1/events", token).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(jsonl)).build());
  }

  private static String jsonl(GeneratedOrganisation org) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter w = JsonLinesWriter.to(out)) {
      w.writeAll(org);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One new message event of the organisation's first member, after the generated period. */
  private static String lateEvent(GeneratedOrganisation org) {
    String member = org.members().get(0).id().value();
    return "{\"type\":\"event\",\"id\":\"late-1\",\"kind\":\"message\",\"actor\":\"" + member
        + "\",\"at\":\"" + org.end().plusSeconds(60) + "\"}\n";
  }
}
