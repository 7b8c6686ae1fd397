package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.Conveners;
import io.convener.http.auth.TokenVerifierSettings;
import io.convener.http.auth.TokenVerifiers;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.http.ConvenerHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A node for the witness tests: Convener on an H2 file behind the HTTP API, with HS256 tokens,
 * and the tampering a witness must catch (a log truncated behind the node's back).
 */
final class WitnessNode implements AutoCloseable {
  private static final byte[] SECRET = "a witness test secret of at least 32 bytes, never used elsewhere"
      .getBytes(StandardCharsets.UTF_8);
  private static final String ISSUER = "https://login.example.com/";

  final String url;
  final Convener convener;
  final ConvenerHttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  WitnessNode(Path dir) {
    url = "jdbc:h2:file:" + dir.resolve("node").toAbsolutePath();
    convener = Conveners.builder().database(url).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, TokenVerifiers.create(TokenVerifierSettings.builder().issuer(ISSUER)
        .audience("convener").hmacSecret("k1", SECRET).build())).bind("127.0.0.1", 0).start();
  }

  URI uri() {
    return server.uri();
  }

  void ingest(String tenant, String id) throws Exception {
    post(tenant, "/v1/events",
        "{\"id\":\"" + id + "\",\"at\":\"2026-11-02T09:00:00Z\",\"kind\":\"message\",\"actor\":\"ana\"}\n");
  }

  void checkpoint(String tenant) throws Exception {
    post(tenant, "/v1/provenance/checkpoint", "");
  }

  private void post(String tenant, String path, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Authorization", "Bearer " + token(tenant, "ops", "admin"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** Deletes entries from {@code from} on, recomputes the head over the rest and deletes the stored checkpoints. */
  void truncateBehindTheNodesBack(String tenant, long from) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String table : List.of("provenance_used", "provenance_generated", "provenance_entries")) {
        s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = '" + tenant + "' AND seq >= " + from);
      }
      s.executeUpdate("DELETE FROM provenance_checkpoints WHERE tenant_id = '" + tenant + "'");
      MerkleAccumulator tree = new MerkleAccumulator();
      long lastAt = 0;
      try (ResultSet rs = s.executeQuery("SELECT leaf_hash, at FROM provenance_entries WHERE tenant_id = '" + tenant
          + "' ORDER BY seq")) {
        while (rs.next()) {
          tree.append(Sha256Hash.fromHex(rs.getString(1)).bytes());
          lastAt = rs.getLong(2);
        }
      }
      StringJoiner frontier = new StringJoiner(",");
      tree.frontier().forEach(h -> frontier.add(h.hex()));
      try (var update = c.prepareStatement("UPDATE provenance_heads SET tree_size = ?, root_hash = ?, frontier = ?,"
          + " last_at = ? WHERE tenant_id = '" + tenant + "'")) {
        update.setLong(1, tree.size());
        update.setString(2, tree.rootHash().hex());
        update.setString(3, frontier.toString());
        update.setLong(4, lastAt);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }
  }

  /** An HS256 token of {@code subject} in {@code tenant} with one role, valid for ten minutes. */
  static String token(String tenant, String subject, String role) {
    long now = Instant.now().getEpochSecond();
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"convener\",\"sub\":\"" + subject + "\",\"tenant\":\""
        + tenant + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
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

  @Override
  public void close() {
    server.close();
    convener.close();
  }
}
