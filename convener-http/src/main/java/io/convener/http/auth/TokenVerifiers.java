package io.convener.http.auth;

import static java.util.Objects.requireNonNull;

import io.convener.api.auth.TokenVerifier;

/**
 * Creates the JWT {@link TokenVerifier}:
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifiers.create(TokenVerifierSettings.builder()
 *     .issuer("https://login.example.com/")
 *     .audience("convener")
 *     .jwks(JwksSource.http(URI.create("https://login.example.com/jwks.json"), Duration.ofSeconds(5)))
 *     .build());
 * Principal caller = verifier.verify(token);
 * }</pre>
 */
public final class TokenVerifiers {
  private TokenVerifiers() {}

  /**
   * A verifier with these settings. Does no I/O: the JWKS, if any, is fetched when the first token
   * needs it.
   *
   * @return a thread-safe verifier; share one per issuer
   */
  public static TokenVerifier create(TokenVerifierSettings settings) {
    return new NimbusTokenVerifier(requireNonNull(settings, "settings"));
  }
}
