package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.spi.notify.NotificationChannel;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Webhook channels: each notification is POSTed as a JSON object to one endpoint, signed with
 * HMAC-SHA256 so the receiver can check it came from Convener and was not changed. Headers:
 * {@value WebhookChannel#TIMESTAMP} (epoch seconds) and {@value WebhookChannel#SIGNATURE} ({@code
 * sha256=} then the lower-case hex HMAC of {@code timestamp + "." + body} under the shared secret),
 * and {@value WebhookChannel#ID}, the notification id, stable across retries, to drop repeats. A
 * 2xx answer is delivered; 408, 429 and 5xx, timeouts and I/O errors are retried; any other answer
 * is not retryable. Bind one with {@code Multibinder.newSetBinder(binder(),
 * NotificationChannel.class).addBinding().toInstance(Webhooks.channel(...))}.
 */
public final class Webhooks {
  private Webhooks() {}

  /**
   * A webhook channel.
   *
   * @param name the channel's name, as preferences and delivery records name it
   * @param endpoint an {@code https} URL, or {@code http} on a loopback host
   * @param secret the shared HMAC key, at least 32 bytes
   * @param timeout how long to wait for the connection and the answer, 100 ms to 60 s
   * @throws IllegalArgumentException naming the bad argument
   */
  public static NotificationChannel channel(String name, URI endpoint, byte[] secret, Duration timeout) {
    requireNonNull(name, "name");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(secret, "secret");
    requireNonNull(timeout, "timeout");
    if (!name.matches("[a-z][a-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException("name must be a lower-case letter then up to 63 of [a-z0-9_-]: " + name);
    }
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = "localhost".equalsIgnoreCase(endpoint.getHost()) || "127.0.0.1".equals(endpoint.getHost())
        || "[::1]".equals(endpoint.getHost());
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException("endpoint must be https (plain http only on loopback): " + scheme);
    }
    if (secret.length < 32) {
      throw new IllegalArgumentException("secret must be at least 32 bytes, got " + secret.length);
    }
    if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("timeout must be 100 ms to 60 s, got " + timeout);
    }
    return new WebhookChannel(name, endpoint, secret.clone(), timeout);
  }
}
