package io.convener.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.NonRetryableDeliveryException;
import io.convener.spi.notify.NotificationChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One webhook endpoint; see {@link Webhooks}. Thread-safe. */
final class WebhookChannel implements NotificationChannel {
  static final String SIGNATURE = "X-Convener-Signature";
  static final String TIMESTAMP = "X-Convener-Timestamp";
  static final String ID = "X-Convener-Id";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final URI endpoint;
  private final SecretKeySpec key;
  private final Duration timeout;
  private final HttpClient client;

  WebhookChannel(String name, URI endpoint, byte[] secret, Duration timeout) {
    this.name = name;
    this.endpoint = endpoint;
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(TenantId tenant, Notification n) {
    String body = body(n);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header(ID, n.id())
        .header(TIMESTAMP, timestamp)
        .header(SIGNATURE, "sha256=" + sign(timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("webhook '" + name + "' failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("webhook '" + name + "' was interrupted", e);
    }
    if (status / 100 == 2) {
      return;
    }
    if (status == 408 || status == 429 || status >= 500) {
      throw new IllegalStateException("webhook '" + name + "' answered " + status);
    }
    throw new NonRetryableDeliveryException("webhook '" + name + "' answered " + status);
  }

  /** The JSON body: the notification's fields, keys sorted. */
  static String body(Notification n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("createdAt", n.createdAt().toString());
    body.put("id", n.id());
    body.put("kind", n.kind());
    body.put("payload", new TreeMap<>(n.payload()));
    body.put("recipient", n.recipient().value());
    body.put("tenant", n.tenant().value());
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new NonRetryableDeliveryException("the notification cannot be written as JSON", e);
    }
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
