package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.KEYS_UNAVAILABLE;
import static io.convener.http.auth.Fixture.assertRefused;
import static io.convener.http.auth.Fixture.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.convener.api.auth.TokenVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP JWKS source against a real JDK HTTP server on the loopback interface. */
class HttpJwksSourceTest {
  private static final TestKey KEY = TestKey.ed25519("ed-http");

  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> body = new AtomicReference<>(TestKey.jwks(KEY));
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private URI url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/.well-known/jwks.json", exchange -> {
      requests.incrementAndGet();
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
      exchange.sendResponseHeaders(status.get(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void verifiesATokenWithKeysFetchedOverHttp() {
    TokenVerifier verifier = TokenVerifiers.create(
        Fixture.settings().jwks(JwksSource.http(url, Duration.ofSeconds(5))).build());
    String token = KEY.sign(claims()
        .put("exp", Clock.systemUTC().instant().getEpochSecond() + 600)
        .put("iat", Clock.systemUTC().instant().getEpochSecond())
        .toString());

    assertThat(verifier.verify(token).subject()).isEqualTo("ana");
    assertThat(verifier.verify(token).subject()).isEqualTo("ana");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void failsTheFetchOnAnErrorStatus() {
    status.set(503);

    assertThatThrownBy(() -> JwksSource.http(url, Duration.ofSeconds(5)).fetch())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("503");
  }

  @Test
  void refusesTokensWithKeysUnavailableWhenTheServerIsDown() {
    server.stop(0);
    NimbusTokenVerifier verifier = new NimbusTokenVerifier(
        Fixture.settings().jwks(JwksSource.http(url, Duration.ofSeconds(2))).build(),
        new MutableClock(Fixture.NOW));

    assertRefused(() -> verifier.verify(KEY.sign(claims().toString())), KEYS_UNAVAILABLE);
  }

  @Test
  void refusesAnOversizedDocument() {
    body.set("{\"keys\":[],\"pad\":\"" + "x".repeat(HttpJwksSource.MAX_BYTES) + "\"}");

    assertThatThrownBy(() -> JwksSource.http(url, Duration.ofSeconds(5)).fetch())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("larger than");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://login.example.com/jwks.json", "ftp://127.0.0.1/jwks.json", "/relative/jwks.json",
      "http://127.0.0.1.evil.example/jwks.json", "file:///etc/jwks.json",
  })
  void refusesUrlsThatAreNotHttpsOrLoopbackHttp(String bad) {
    assertThatThrownBy(() -> JwksSource.http(URI.create(bad), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://login.example.com/jwks.json", "http://localhost:8080/jwks", "http://[::1]/jwks", "http://127.0.0.2/jwks"})
  void acceptsHttpsAndLoopbackHttp(String good) {
    assertThat(JwksSource.http(URI.create(good), Duration.ofSeconds(5))).hasToString("JwksSource.http(" + good + ")");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 61})
  void refusesATimeoutOutsideOneToSixtySeconds(long seconds) {
    assertThatThrownBy(() -> JwksSource.http(url, Duration.ofSeconds(seconds)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
