package io.convener.api;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A credential was not accepted. Each kind of failure has its own {@link Reason}, so that hosts and
 * tests can tell an expired token from a forged one; the message never echoes the token.
 */
public final class AuthenticationException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  /** Why a credential was refused. */
  public enum Reason {
    /** Not a well-formed token. */
    MALFORMED,
    /** The header says {@code alg: none}: unsigned tokens are never accepted. */
    ALG_NONE,
    /** The algorithm does not match the one pinned for the key (for example RS256 key used as HS256). */
    ALGORITHM_MISMATCH,
    /** The token names a key id that the verifier does not know. */
    UNKNOWN_KEY,
    /** The header carries its own key or key location ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}). */
    HEADER_SUPPLIED_KEY,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** {@code exp} has passed, beyond the allowed clock skew. */
    EXPIRED,
    /** {@code nbf} lies in the future, beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** {@code iss} is not the expected issuer. */
    WRONG_ISSUER,
    /** {@code aud} does not name this service. */
    WRONG_AUDIENCE,
    /** The tenant claim is missing or not a valid tenant id. */
    MISSING_TENANT,
    /** The tenant claim names a tenant this verifier does not serve. */
    FOREIGN_TENANT,
    /** The keys needed to verify could not be obtained (and none were cached). */
    KEYS_UNAVAILABLE;

    /** A stable code such as {@code token_expired}. */
    public String code() {
      return "token_" + name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  /**
   * @param reason the kind of failure
   * @param message what was wrong, for people; never the token itself
   */
  public AuthenticationException(Reason reason, String message) {
    super(message, null);
    this.reason = requireNonNull(reason, "reason");
  }

  /** The kind of failure. */
  public Reason reason() {
    return reason;
  }

  @Override
  public String code() {
    return reason.code();
  }
}
