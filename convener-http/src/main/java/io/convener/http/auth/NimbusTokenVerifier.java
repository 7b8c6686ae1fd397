package io.convener.http.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.convener.api.AuthenticationException;
import io.convener.api.Principal;
import io.convener.api.auth.TokenVerifier;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JWT {@link TokenVerifier}, on nimbus-jose-jwt's key parsing and signature primitives. Every
 * step is explicit, so that each refusal has its own reason:
 *
 * <ol>
 *   <li>{@link CompactJws}: strict form, {@code alg: none}, header-supplied keys;
 *   <li>{@link KeyRing}: the key for the token's {@code kid}, with the algorithm pinned to it;
 *   <li>{@link PinnedKey}: signature length, ECDSA range, the signature itself;
 *   <li>{@link ClaimsMapper}: validity period, issuer, audience, tenant, subject, roles, scopes.
 * </ol>
 *
 * <p>Thread-safe; one instance serves all requests. The first verification that needs the JWKS
 * fetches it on the calling thread.
 */
final class NimbusTokenVerifier implements TokenVerifier {
  private static final String BEARER = "bearer ";

  private final ObjectMapper json;
  private final Clock clock;
  private final KeyRing keys;
  private final ClaimsMapper claims;

  @Inject
  NimbusTokenVerifier(TokenVerifierSettings settings) {
    this(settings, Clock.systemUTC());
  }

  NimbusTokenVerifier(TokenVerifierSettings settings, Clock clock) {
    requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.json = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    Map<String, PinnedKey> hmac = new LinkedHashMap<>();
    settings.hmacSecrets().forEach((kid, secret) -> hmac.put(kid, KeyPinning.hmac(kid, secret)));
    JwksSource source = settings.jwks();
    JwksCache jwks = source == null ? null : new JwksCache(source, json, clock, settings);
    this.keys = new KeyRing(hmac, jwks);
    this.claims = new ClaimsMapper(json, settings);
  }

  @Override
  public Principal verify(String bearerToken) {
    CompactJws jws = verifySignature(bearerToken);
    return claims.principal(jws.payload(), clock.instant());
  }

  /**
   * The signature layer alone: form and header checks, key resolution with the pinned algorithm,
   * and the signature. No claim is looked at, so conformance vectors without claims can run
   * through the same code as real tokens.
   *
   * @return the verified token
   * @throws AuthenticationException when the token is refused before its claims are read
   */
  CompactJws verifySignature(String bearerToken) {
    requireNonNull(bearerToken, "bearerToken");
    String token = bearerToken.strip();
    if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      token = token.substring(BEARER.length()).strip();
    }
    CompactJws jws = CompactJws.parse(token, json);
    PinnedKey key = keys.resolve(jws.kid(), jws.alg());
    key.verify(jws.alg(), jws.signingInput(), jws.signature());
    return jws;
  }
}
