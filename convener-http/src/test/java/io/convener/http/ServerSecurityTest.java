package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Transport rules: plain HTTP only on loopback unless allowed; HTTPS with a keystore; idempotency over the wire. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSecurityTest {
  Convener convener;

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
  }

  @AfterAll
  void stop() {
    convener.close();
  }

  @Test
  void plainHttpOffLoopbackIsRefusedWithAClearError() {
    assertThatThrownBy(() -> ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("0.0.0.0", 0).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to serve plain HTTP on 0.0.0.0")
        .hasMessageContaining("keystore");
  }

  @Test
  void plainHttpOffLoopbackStartsWhenExplicitlyAllowed() {
    ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier())
        .bind("0.0.0.0", 0).allowPlainHttp().start();
    try {
      assertThat(server.port()).isPositive();
    } finally {
      server.close();
    }
  }

  @Test
  void servesHttpsWithTheConfiguredKeystore(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    char[] password = "changeit".toCharArray();
    Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit")).inheritIO().start();
    assertThat(keytool.waitFor()).isZero();
    ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier())
        .bind("127.0.0.1", 0).tls(keystore, password).start();
    try {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (var in = java.nio.file.Files.newInputStream(keystore)) {
        trust.load(in, password);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> r = https.send(HttpRequest.newBuilder(server.uri().resolve("/v1/provenance/verify"))
          .header("Authorization", "Bearer " + Tokens.token("acme", "ops", "admin")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"verified\":true");
    } finally {
      server.close();
    }
  }

  @Test
  void idempotencyKeyReplaysAndRefusesOtherParametersOverTheWire() {
    ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    try {
      Client client = new Client(server.uri());
      String admin = Tokens.token("acme", "ops", "admin");
      String body = "{\"member\":\"m-1\",\"purpose\":\"pulse.individual\"}";
      Client.Reply first = client.send(client.request("/v1/consent/grant", admin).header("Idempotency-Key", "g-1")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
      Client.Reply replay = client.send(client.request("/v1/consent/grant", admin).header("Idempotency-Key", "g-1")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
      Client.Reply other = client.send(client.request("/v1/consent/grant", admin).header("Idempotency-Key", "g-1")
          .POST(HttpRequest.BodyPublishers.ofString(body.replace("m-1", "m-2"))).build());
      assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
      assertThat(replay.raw().body()).isEqualTo(first.raw().body());
      assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(other.status()).isEqualTo(422);
      assertThat(other.json().get("code").asText()).isEqualTo("idempotency_key_reused");
      Client.Reply history = client.get("/v1/consent?member=m-1", admin);
      assertThat(history.json().get("consents")).hasSize(1);
    } finally {
      server.close();
    }
  }
}
