package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.multibindings.Multibinder;
import com.sun.net.httpserver.HttpServer;
import io.convener.spi.notify.NotificationChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a loopback server that checks the HMAC itself. */
class WebhookTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);

  private record Received(String id, String timestamp, String signature, String body) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(204);

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-Convener-Id"),
            exchange.getRequestHeaders().getFirst("X-Convener-Timestamp"),
            exchange.getRequestHeaders().getFirst("X-Convener-Signature"),
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private NotificationChannel hook() {
    return Webhooks.channel("hook", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), SECRET,
        Duration.ofSeconds(5));
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBodyIsSignedWithHmacSha256OverTimestampAndBody() throws Exception {
    NotificationChannel hook = hook();
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel(),
        b -> Multibinder.newSetBinder(b, NotificationChannel.class).addBinding().toInstance(hook))) {
      f.members(ACME, "ana");
      f.trigger(ACME, "k1", "ana");
      f.drain(ACME);
    }
    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r.signature()).isEqualTo("sha256=" + hmac(r.timestamp() + "." + r.body()));
      assertThat(r.signature()).isNotEqualTo("sha256=" + hmac(r.timestamp() + "." + r.body() + " "));
      assertThat(r.id()).isEqualTo("ana:k1");
      assertThat(r.body()).contains("\"kind\":\"test.kind\"").contains("\"about\":\"k1\"")
          .contains("\"tenant\":\"acme\"").doesNotContain("consentPurpose");
    });
  }

  @Test
  void serverErrorsAreRetriedAndClientErrorsAreNot() {
    NotificationChannel hook = hook();
    answer.set(503);
    assertThatThrownBy(() -> hook.deliver(ACME, sample())).isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(io.convener.spi.notify.NonRetryableDeliveryException.class);
    answer.set(400);
    assertThatThrownBy(() -> hook.deliver(ACME, sample()))
        .isInstanceOf(io.convener.spi.notify.NonRetryableDeliveryException.class);
    answer.set(200);
    hook.deliver(ACME, sample());
    assertThat(received).hasSize(3);
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Webhooks.channel("hook", URI.create("http://example.com/x"), SECRET, Duration.ofSeconds(1)))
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> Webhooks.channel("hook", URI.create("https://example.com/x"), new byte[8],
        Duration.ofSeconds(1))).hasMessageContaining("secret");
    assertThatThrownBy(() -> Webhooks.channel("hook", URI.create("https://example.com/x"), SECRET, Duration.ZERO))
        .hasMessageContaining("timeout");
  }

  private static io.convener.api.notify.Notification sample() {
    return new io.convener.api.notify.Notification("ana:x", ACME, io.convener.api.MemberId.of("ana"), "k",
        java.util.Map.of(), java.time.Instant.parse("2025-01-01T00:00:00Z"));
  }
}
