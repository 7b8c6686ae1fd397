package io.convener.http.auth;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@link JwksSource#http}: one bounded {@code GET} per fetch over {@link HttpClient}. */
final class HttpJwksSource implements JwksSource {
  /** Largest accepted document; real key sets are a few kilobytes. */
  static final int MAX_BYTES = 1 << 20;

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  HttpJwksSource(URI url, Duration timeout) {
    this.url = checkUrl(requireNonNull(url, "url"));
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be in (0, " + MAX_TIMEOUT + "], got " + timeout);
    }
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String fetch() throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Accept", "application/jwk-set+json, application/json")
        .GET()
        .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching the JWKS from " + url);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("JWKS endpoint " + url + " answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("JWKS document from " + url + " is larger than " + MAX_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "JwksSource.http(" + url + ")";
  }

  private static URI checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (!url.isAbsolute() || host == null) {
      throw new IllegalArgumentException("JWKS URL must be absolute with a host: " + url);
    }
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(host))) {
      return url;
    }
    throw new IllegalArgumentException(
        "JWKS URL must use https (plain http only for loopback hosts): " + url);
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
  }
}
