package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.Conveners;
import io.convener.http.auth.TokenVerifierSettings;
import io.convener.http.auth.TokenVerifiers;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.http.ConvenerHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16 §6 acceptance: {@code convener witness} follows a running node's checkpoint feed, exits
 * 0 while the log only grows, and exits 4 with one line saying the log was rewritten after the log
 * is truncated behind the node's back (head recomputed, stored checkpoints deleted) and then
 * extended again or left short; the state file still keeps the last good checkpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WitnessCommandTest {
  private static final byte[] SECRET = "a witness test secret of at least 32 bytes, never used elsewhere"
      .getBytes(StandardCharsets.UTF_8);
  private static final String ISSUER = "https://login.example.com/";

  private static final AtomicInteger TENANTS = new AtomicInteger();

  private Path dir;
  private String tenant = "acme";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Convener convener;
  private ConvenerHttpServer server;
  private String url;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Each test witnesses a tenant of its own on the one node. */
  @BeforeEach
  void newTenant() {
    tenant = "acme" + TENANTS.incrementAndGet();
  }

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    url = "jdbc:h2:file:" + dir.resolve("node").toAbsolutePath();
    convener = Conveners.builder().database(url).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, TokenVerifiers.create(TokenVerifierSettings.builder().issuer(ISSUER)
        .audience("convener").hmacSecret("k1", SECRET).build())).bind("127.0.0.1", 0).start();
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  private int witness(String... extra) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] base = {"--tenant", tenant, "witness", "--from", server.uri().toString(), "--token-env", "AUDITOR_TOKEN",
        "--state", dir.resolve(tenant + ".witness").toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    Map<String, String> env = Map.of("AUDITOR_TOKEN", token("auditor", "compliance_officer"));
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env::get);
  }

  private void ingest(String id) throws Exception {
    post("/v1/events", "{\"id\":\"" + id + "\",\"at\":\"2026-11-02T09:00:00Z\",\"kind\":\"message\",\"actor\":\"ana\"}\n");
  }

  private void checkpoint() throws Exception {
    post("/v1/provenance/checkpoint", "");
  }

  private void post(String path, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Authorization", "Bearer " + token("ops", "admin"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @ParameterizedTest(name = "truncated, then extended again: {0}")
  @ValueSource(booleans = {true, false})
  void exitsFourOnceTheLogIsTruncatedAndRewrittenBehindItsBack(boolean extendedAgain) throws Exception {
    ingest("e1");
    checkpoint();
    assertThat(witness()).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("verified 1 new checkpoint(s)");
    ingest("e2");
    ingest("e3");
    checkpoint();
    assertThat(witness()).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("verified 1 new checkpoint(s)");
    String kept = Files.readString(dir.resolve(tenant + ".witness"));

    truncateBehindTheNodesBack(2);
    for (int i = 0; extendedAgain && i < 12; i++) {
      ingest("r" + i); // the rewritten log grows past the size the witness kept
    }
    checkpoint();
    assertThat(witness()).isEqualTo(4);
    assertThat(err.toString().strip()).startsWith("convener: the log of convener/" + tenant + " was rewritten")
        .contains(extendedAgain ? "consistency proof does not lead to both roots" : "the log shrank")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(Files.readString(dir.resolve(tenant + ".witness"))).as("the last good checkpoint stays kept").isEqualTo(kept);
    assertThat(witness()).as("and it keeps failing").isEqualTo(4);
  }

  @Test
  void aCheckpointSignedByAnotherKeyThanThePinnedOneFails() throws Exception {
    checkpoint();
    String other = "convener-acme+6d992c94+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    assertThat(witness("--verifier-key", other)).isEqualTo(2).as("its key id does not match its key");
    assertThat(err.toString()).contains("--verifier-key");
  }

  @Test
  void aNodeSigningWithAnotherKeyThanTheTrustedOneFails() throws Exception {
    checkpoint();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pinned = CheckpointSigner.verifierKey("convener-" + tenant, other.getPublic());
    assertThat(witness("--verifier-key", pinned)).isEqualTo(4);
    assertThat(err.toString()).contains("not the trusted " + pinned).contains("re-signed");
  }

  @Test
  void aMissingTokenOrRefusedCallIsOneClearLine() throws Exception {
    checkpoint();
    out.getBuffer().setLength(0);
    int code = ConvenerCommand.run(new String[] {"--tenant", tenant, "witness", "--from", server.uri().toString(),
        "--token-env", "NOT_SET", "--state", dir.resolve(tenant).toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true), name -> null);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("NOT_SET is not set");
    err.getBuffer().setLength(0);
    Map<String, String> lead = Map.of("T", token("tl", "team_lead"));
    code = ConvenerCommand.run(new String[] {"--tenant", tenant, "witness", "--from", server.uri().toString(),
        "--token-env", "T", "--state", dir.resolve(tenant).toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true), lead::get);
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).contains("answered 403").doesNotContain("\n");
  }

  /** Deletes entries from {@code from} on, recomputes the head over the rest and deletes the stored checkpoints. */
  private void truncateBehindTheNodesBack(long from) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String table : List.of("provenance_used", "provenance_generated", "provenance_entries")) {
        s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = '" + tenant + "' AND seq >= " + from);
      }
      s.executeUpdate("DELETE FROM provenance_checkpoints WHERE tenant_id = '" + tenant + "'");
      MerkleAccumulator tree = new MerkleAccumulator();
      long lastAt = 0;
      try (ResultSet rs = s.executeQuery("SELECT leaf_hash, at FROM provenance_entries WHERE tenant_id = '" + tenant + "' ORDER BY seq")) {
        while (rs.next()) {
          tree.append(Sha256Hash.fromHex(rs.getString(1)).bytes());
          lastAt = rs.getLong(2);
        }
      }
      StringJoiner frontier = new StringJoiner(",");
      tree.frontier().forEach(h -> frontier.add(h.hex()));
      try (var update = c.prepareStatement(
          "UPDATE provenance_heads SET tree_size = ?, root_hash = ?, frontier = ?, last_at = ? WHERE tenant_id = '" + tenant + "'")) {
        update.setLong(1, tree.size());
        update.setString(2, tree.rootHash().hex());
        update.setString(3, frontier.toString());
        update.setLong(4, lastAt);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private String token(String subject, String role) {
    long now = Instant.now().getEpochSecond();
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"convener\",\"sub\":\"" + subject + "\",\"tenant\":\"" + tenant + "\","
        + "\"roles\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
    String input = b64("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + b64(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return input + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
