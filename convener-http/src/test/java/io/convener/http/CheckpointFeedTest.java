package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.Conveners;
import io.convener.core.internal.merkle.MerkleVerifier;
import io.convener.http.internal.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §6: the checkpoint feed over HTTP. Checkpoints come back in the order they were signed,
 * page by page; each page's cursor leads to the next; the consistency proof between two of them
 * verifies by RFC 9162 with their roots; only compliance officers and admins read it; bad
 * parameters are 400 problems naming the parameter.
 */
class CheckpointFeedTest {
  private static final String EVENTS = """
      {"type":"member","id":"ana","teams":["core"]}
      {"id":"e1","at":"2026-11-02T09:00:00Z","kind":"message","actor":"ana","team":"core"}
      """;

  Convener convener;
  ConvenerHttpServer server;
  Client client;
  final String officer = Tokens.token("acme", "auditor", "compliance_officer");
  final String admin = Tokens.token("acme", "ops", "admin");

  @BeforeEach
  void start() {
    convener = Conveners.builder().database("jdbc:h2:mem:feed-" + UUID.randomUUID()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  private Checkpoint sign() {
    Client.Reply r = client.post("/v1/provenance/checkpoint", admin, "");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return Checkpoint.parse(r.json().get("checkpoint").asText());
  }

  @Test
  void listsCheckpointsInSigningOrderPageByPage() {
    List<Checkpoint> signed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("/v1/events", admin, EVENTS.replace("e1", "e" + i)).status()).isEqualTo(200);
      signed.add(sign());
    }
    Client.Reply all = client.get("/v1/provenance/checkpoints", officer);
    assertThat(all.status()).as(all.raw().body()).isEqualTo(200);
    assertThat(new SchemaCheck(Api.openApi()).check(Api.openApi().at(
        "/paths/~1v1~1provenance~1checkpoints/get/responses/200/content/application~1json/schema"), all.json())).isEmpty();
    assertThat(texts(all.json())).containsExactly(signed.get(0).toText(), signed.get(1).toText(), signed.get(2).toText());
    assertThat(all.json().has("next")).isFalse();
    assertThat(all.json().get("verifierKey").asText()).startsWith("convener-acme+");

    List<String> paged = new ArrayList<>();
    String after = "";
    for (int page = 0; page < 4; page++) {
      Client.Reply r = client.get("/v1/provenance/checkpoints?limit=1" + after, officer);
      paged.addAll(texts(r.json()));
      if (!r.json().has("next")) {
        break;
      }
      after = "&after=" + r.json().get("next").asText();
    }
    assertThat(paged).containsExactlyElementsOf(texts(all.json()));
  }

  @Test
  void theConsistencyProofBetweenTwoCheckpointsVerifies() {
    client.post("/v1/events", admin, EVENTS);
    Checkpoint first = sign();
    client.post("/v1/events", admin, EVENTS.replace("e1", "e2"));
    Checkpoint second = sign();
    Client.Reply r = client.get("/v1/provenance/consistency?from=" + first.treeSize() + "&to=" + second.treeSize(),
        officer);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    List<Sha256Hash> hashes = new ArrayList<>();
    r.json().get("proof").forEach(h -> hashes.add(Sha256Hash.fromBase64(h.asText())));
    ConsistencyProof proof = new ConsistencyProof(first.treeSize(), second.treeSize(), hashes);
    assertThat(MerkleVerifier.verifyConsistency(proof, first.root(), second.root())).isTrue();
    assertThat(MerkleVerifier.verifyConsistency(proof, second.root(), first.root())).isFalse();
  }

  @Test
  void onlyComplianceOfficersAndAdminsReadTheFeed() {
    Client.Reply lead = client.get("/v1/provenance/checkpoints", Tokens.token("acme", "tl", "team_lead"));
    assertThat(lead.status()).isEqualTo(403);
    assertThat(client.get("/v1/provenance/consistency?from=1&to=1", Tokens.token("acme", "tl", "team_lead"))
        .status()).isEqualTo(403);
    assertThat(client.get("/v1/provenance/checkpoints", null).status()).isEqualTo(401);
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() {
    Client.Reply cursor = client.get("/v1/provenance/checkpoints?after=yesterday", officer);
    assertThat(cursor.status()).isEqualTo(400);
    assertThat(cursor.raw().body()).contains("after");
    Client.Reply missing = client.get("/v1/provenance/consistency?from=1", officer);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.raw().body()).contains("to");
    Client.Reply beyond = client.get("/v1/provenance/consistency?from=1&to=1000000", officer);
    assertThat(beyond.status()).isEqualTo(400);
    assertThat(beyond.raw().body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  private static List<String> texts(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("checkpoints").forEach(c -> out.add(c.get("checkpoint").asText()));
    return out;
  }
}
