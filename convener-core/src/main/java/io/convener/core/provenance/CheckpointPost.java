package io.convener.core.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One checkpoint POSTed to one webhook, signed like the notification webhooks: header {@value
 * #TIMESTAMP} (epoch seconds), {@value #SIGNATURE} ({@code sha256=} then the lower-case hex
 * HMAC-SHA256 of {@code timestamp + "." + body} under the UTF-8 bytes of the webhook's secret) and
 * {@value #ID} ({@code <webhook id>:<checkpoint cursor>}, the same on every retry). The body is a
 * JSON object, keys sorted: {@code checkpoint} (the signed note's text), {@code cursor}, {@code
 * root}, {@code tenant}, {@code timestamp}, {@code treeSize}, {@code verifierKey} and {@code
 * webhook}. Redirects are not followed. Thread-safe.
 */
final class CheckpointPost {
  static final String SIGNATURE = "X-Convener-Signature";
  static final String TIMESTAMP = "X-Convener-Timestamp";
  static final String ID = "X-Convener-Id";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * Sends the checkpoint.
   *
   * @return null when the receiver answered 2xx, otherwise why not (no secret in it)
   */
  @Nullable String send(CheckpointWebhook hook, String secret, Checkpoint checkpoint, String verifierKey) {
    String body = body(hook, checkpoint, verifierKey);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request = HttpRequest.newBuilder(hook.url())
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header(ID, hook.id() + ":" + CheckpointCursor.of(checkpoint))
        .header(TIMESTAMP, timestamp)
        .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
        .build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "answered " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static String body(CheckpointWebhook hook, Checkpoint checkpoint, String verifierKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("checkpoint", checkpoint.toText());
    body.put("cursor", CheckpointCursor.of(checkpoint).toString());
    body.put("root", checkpoint.root().hex());
    body.put("tenant", checkpoint.tenant().value());
    body.put("timestamp", checkpoint.timestamp().toString());
    body.put("treeSize", checkpoint.treeSize());
    body.put("verifierKey", verifierKey);
    body.put("webhook", hook.id());
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checkpoint cannot be written as JSON", e);
    }
  }

  /** The lower-case hex HMAC-SHA256 of {@code text} under the UTF-8 bytes of {@code secret}. */
  static String sign(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
