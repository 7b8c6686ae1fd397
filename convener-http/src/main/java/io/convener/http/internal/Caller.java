package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An authenticated caller: the principal, and when its credential stops being valid (a JWT's
 * {@code exp}, or the token behind a stream ticket), so that an event stream ends then.
 *
 * @param principal who is calling
 * @param expiresAt when the credential expires; empty when it does not say
 */
record Caller(Principal principal, Optional<Instant> expiresAt) {
  Caller {
    requireNonNull(principal, "principal");
    requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * The {@code exp} of a bearer token that the verifier has accepted already, read from its
   * payload; empty when the token is no JWS compact serialisation or has no numeric {@code exp}.
   * Nothing here is trusted that the verifier did not check: it only shortens how long a stream
   * may run.
   */
  static Optional<Instant> expiry(String authorization) {
    String token = authorization.strip();
    if (token.regionMatches(true, 0, "bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode claims = Jsons.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
          StandardCharsets.UTF_8));
      JsonNode exp = claims == null ? null : claims.get("exp");
      return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
          : Optional.empty();
    } catch (java.io.IOException | IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
