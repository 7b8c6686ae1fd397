package io.convener.http.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Where a verifier gets the issuer's JSON Web Key Set (RFC 7517, section 5) from: any supplier of
 * the document's JSON text. Hosts with their own HTTP stack or a key file implement it; {@link
 * #http(URI, Duration)} covers the common case of an HTTPS endpoint.
 *
 * <p>The verifier calls {@link #fetch()} from a verifying thread, at most once at a time per
 * verifier and never more often than its refetch cooldown allows. Implementations must be
 * thread-safe and should bound how long a call can take.
 */
@FunctionalInterface
public interface JwksSource {
  /**
   * Fetches the current JWKS document.
   *
   * @return the document's JSON text, an object with a {@code keys} array; never {@code null}
   * @throws IOException when the document cannot be had now; the verifier keeps using the keys it
   *     has, within its outage tolerance, and tries again after its cooldown
   */
  String fetch() throws IOException;

  /**
   * A source that reads the document with {@link java.net.http.HttpClient}: a {@code GET} that
   * must answer {@code 200} with at most 1 MiB of UTF-8 JSON within {@code timeout} (connecting
   * and the whole exchange). Redirects are not followed. The URL must use {@code https}; plain
   * {@code http} is allowed only for loopback hosts ({@code localhost}, {@code 127.0.0.0/8},
   * {@code [::1]}), for tests and side-cars.
   *
   * @param url the JWKS URL, for example {@code https://login.example.com/.well-known/jwks.json}
   * @param timeout how long one fetch may take; positive, at most one minute
   * @throws IllegalArgumentException when the URL or the timeout is not acceptable
   */
  static JwksSource http(URI url, Duration timeout) {
    return new HttpJwksSource(url, timeout);
  }
}
