package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.ALGORITHM_MISMATCH;
import static io.convener.api.AuthenticationException.Reason.UNKNOWN_KEY;

import io.convener.api.AuthenticationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds the one key that may verify a token, from the configured HMAC secrets and the cached JWKS.
 * The token's {@code alg} only ever selects among keys already pinned to it; it never changes how
 * a key is used.
 *
 * <ul>
 *   <li>With a {@code kid}: the HMAC secret of that id, else the JWKS keys of that id (fetching
 *       once more when there is none). No key: {@code UNKNOWN_KEY}. Keys, but none pinned to the
 *       token's {@code alg} (an RSA key id in an HS256 token, say): {@code ALGORITHM_MISMATCH}.
 *   <li>Without a {@code kid}: the only key pinned to the token's {@code alg}. None:
 *       {@code ALGORITHM_MISMATCH}; more than one: {@code UNKNOWN_KEY}, since the token does not
 *       say which. A JWKS never supplies HMAC keys, so an HS-family token without a {@code kid}
 *       is decided without fetching.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class KeyRing {
  private final Map<String, PinnedKey> hmac;
  private final @Nullable JwksCache jwks;

  KeyRing(Map<String, PinnedKey> hmac, @Nullable JwksCache jwks) {
    this.hmac = Map.copyOf(hmac);
    this.jwks = jwks;
  }

  /**
   * The key to verify with.
   *
   * @throws AuthenticationException {@code UNKNOWN_KEY}, {@code ALGORITHM_MISMATCH} or {@code
   *     KEYS_UNAVAILABLE}
   */
  PinnedKey resolve(@Nullable String kid, String alg) {
    return kid == null ? withoutKid(alg) : withKid(kid, alg);
  }

  private PinnedKey withKid(String kid, String alg) {
    PinnedKey secret = hmac.get(kid);
    if (secret != null) {
      return pinned(List.of(secret), kid, alg);
    }
    if (jwks == null) {
      throw new AuthenticationException(UNKNOWN_KEY, "no key has the id " + CompactJws.quote(kid));
    }
    Predicate<PinnedKey> hasKid = k -> kid.equals(k.kid());
    List<PinnedKey> found = jwks.keys().stream().filter(hasKid).toList();
    if (found.isEmpty()) {
      found = jwks.keysAfterUnknownKid().stream().filter(hasKid).toList();
    }
    if (found.isEmpty()) {
      throw new AuthenticationException(UNKNOWN_KEY, "no key has the id " + CompactJws.quote(kid)
          + ", also after a JWKS refresh (or within its cooldown)");
    }
    return pinned(found, kid, alg);
  }

  private PinnedKey withoutKid(String alg) {
    List<PinnedKey> pool = new ArrayList<>(hmac.values());
    if (jwks != null && !alg.startsWith("HS")) {
      pool.addAll(jwks.keys());
    }
    List<PinnedKey> matches = pool.stream().filter(k -> k.accepts(alg)).toList();
    if (matches.isEmpty()) {
      throw new AuthenticationException(ALGORITHM_MISMATCH,
          "token names no key id and no configured key is pinned to " + CompactJws.quote(alg));
    }
    if (matches.size() > 1) {
      throw new AuthenticationException(UNKNOWN_KEY,
          "token names no key id and " + matches.size() + " keys are pinned to " + alg);
    }
    return matches.get(0);
  }

  private static PinnedKey pinned(List<PinnedKey> keys, String kid, String alg) {
    List<PinnedKey> matches = keys.stream().filter(k -> k.accepts(alg)).toList();
    if (matches.isEmpty()) {
      PinnedKey key = keys.get(0);
      throw new AuthenticationException(ALGORITHM_MISMATCH,
          "token says " + CompactJws.quote(alg) + " but " + key.describe() + " is pinned to " + key.algorithms());
    }
    if (matches.size() > 1) {
      throw new AuthenticationException(UNKNOWN_KEY,
          "key id " + CompactJws.quote(kid) + " names " + matches.size() + " keys for " + alg);
    }
    return Objects.requireNonNull(matches.get(0));
  }
}
