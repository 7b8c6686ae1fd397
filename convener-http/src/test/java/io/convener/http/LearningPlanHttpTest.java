package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/learning/plan} and {@code POST /v1/learning/plan/notify}: a member's ranked,
 * explained plan, consent, unknown names, bad input, roles, tenants, delivery.
 */
class LearningPlanHttpTest {
  private static final String AS_OF = "2026-04-01T00:00:00Z";
  private static final TenantId ACME = TenantId.of("acme");
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
        "{\"type\":\"member\",\"id\":\"ana\",\"teams\":[\"t1\"]}",
        "{\"type\":\"member\",\"id\":\"bo\",\"teams\":[\"t2\"]}",
        "{\"type\":\"member\",\"id\":\"cy\",\"teams\":[\"t1\"]}",
        "{\"id\":\"l1\",\"at\":\"2026-03-02T09:00:00Z\",\"kind\":\"learning\",\"actor\":\"bo\",\"team\":\"t2\",\"tags\":[\"sql\"]}",
        "{\"id\":\"l2\",\"at\":\"2026-03-03T09:00:00Z\",\"kind\":\"learning\",\"actor\":\"bo\",\"team\":\"t2\",\"tags\":[\"kafka\"]}",
        "{\"id\":\"a1\",\"at\":\"2026-03-05T09:00:00Z\",\"kind\":\"applied\",\"actor\":\"bo\",\"team\":\"t2\",\"refs\":[\"l2\"]}",
        "{\"id\":\"w1\",\"at\":\"2026-03-10T09:00:00Z\",\"kind\":\"message\",\"actor\":\"ana\",\"team\":\"t1\",\"tags\":[\"sql\"]}");
    assertThat(client.post("/v1/events", admin, String.join("\n", lines)).status()).isEqualTo(200);
    convener.consent().grant(Principal.of(ACME, "ops", Role.ADMIN), MemberId.of("ana"), Purpose.LEARNING_ATTRIBUTION,
        "notice-1");
  }

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void aMembersPlanRankedAndExplainedWithoutNamingThoseWhoDidNotConsent() {
    Client.Reply r = client.get("/v1/learning/plan?member=ana&tags=kafka&asOf=" + AS_OF, admin);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("member").asText()).isEqualTo("ana");
    assertThat(r.json().get("recommendations")).extracting(x -> x.get("artifact").asText()).containsExactly("l1", "l2");
    assertThat(r.json().get("recommendations").get(1).get("appliedBy").asInt()).isEqualTo(1);
    assertThat(r.json().get("recommendations").get(1).get("withheldAppliers").asInt()).isEqualTo(1);
    assertThat(r.raw().body()).doesNotContain("\"bo\"");
    assertThat(r.json().get("provenanceId").asLong()).isPositive();
  }

  @Test
  void notifyDeliversTheAnswerToTheMembersInbox() {
    Client.Reply r = client.post("/v1/learning/plan/notify?member=ana&asOf=" + AS_OF, admin, "");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("notified").asInt()).isEqualTo(1);
    String ana = Tokens.token("acme", "ana", "member");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
        client.get("/v1/notifications", ana).raw().body().contains("learning.plan"));
    assertThat(client.get("/v1/learning/plan/notify?member=ana", admin).status()).as("POST only").isEqualTo(405);
  }

  @Test
  void badInputUnknownNamesConsentRolesAndTenants() {
    Client.Reply unknown = client.get("/v1/learning/plan?member=zed", admin);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.raw().body()).contains("has no member 'zed'").doesNotContain("Exception");
    assertThat(client.get("/v1/learning/plan?team=t9", admin).status()).isEqualTo(404);
    Client.Reply refused = client.get("/v1/learning/plan?member=bo", admin);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.raw().body()).contains("does not consent to learning.attribution").doesNotContain("l1");
    assertThat(client.get("/v1/learning/plan", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/learning/plan?member=ana&team=t1", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/learning/plan?member=ana&limit=51", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/learning/plan?member=ana&window=3y", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/learning/plan?member=ana&asOf=soon", admin).status()).isEqualTo(400);
    assertThat(client.get("/v1/learning/plan?member=ana", Tokens.token("acme", "ana", "member")).status()).isEqualTo(403);
    assertThat(client.get("/v1/learning/plan?member=ana", Tokens.token("globex", "ops", "admin")).status()).isEqualTo(404);
  }
}
