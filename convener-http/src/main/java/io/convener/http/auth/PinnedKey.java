package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.BAD_SIGNATURE;
import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.convener.api.AuthenticationException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A verification key together with the algorithms it may be used with: the one place a signature
 * is checked. Before handing the signature to nimbus-jose-jwt it checks the exact length the
 * algorithm produces, and for ECDSA that {@code r} and {@code s} lie in {@code [1, n-1]}, which
 * refuses the all-zero "psychic signatures" of CVE-2022-21449 whatever the JDK does. Immutable and
 * thread-safe (nimbus verifiers are).
 */
final class PinnedKey {
  private final @Nullable String kid;
  private final Set<String> algorithms;
  private final JWSVerifier verifier;
  private final int signatureBytes;
  private final @Nullable BigInteger ecOrder;
  private final String description;

  /**
   * @param kid the key id, if the key has one
   * @param algorithms the JWS algorithms this key accepts; never empty
   * @param verifier nimbus verifier over the key
   * @param signatureBytes the exact length of a signature by this key
   * @param ecOrder for ECDSA keys the order {@code n} of the curve, else {@code null}
   * @param description what kind of key, for messages and logs (never key material)
   */
  PinnedKey(@Nullable String kid, Set<String> algorithms, JWSVerifier verifier, int signatureBytes,
      @Nullable BigInteger ecOrder, String description) {
    this.kid = kid;
    this.algorithms = Set.copyOf(algorithms);
    if (this.algorithms.isEmpty()) {
      throw new IllegalArgumentException("a key must accept at least one algorithm");
    }
    this.verifier = requireNonNull(verifier, "verifier");
    this.signatureBytes = signatureBytes;
    this.ecOrder = ecOrder;
    this.description = requireNonNull(description, "description");
  }

  @Nullable String kid() {
    return kid;
  }

  /** Whether this key may verify a token whose header says {@code alg}. */
  boolean accepts(String alg) {
    return algorithms.contains(alg);
  }

  /** The algorithms this key accepts, for messages. */
  Set<String> algorithms() {
    return algorithms;
  }

  /** For example {@code EC P-256 key 'k1'}. */
  String describe() {
    return description + (kid == null ? " key" : " key '" + kid + "'");
  }

  /**
   * Checks a signature made with {@code alg}, which must be one this key {@link #accepts}.
   *
   * @throws AuthenticationException {@code BAD_SIGNATURE} when it does not verify
   * @throws IllegalArgumentException when {@code alg} is not pinned to this key (a caller bug)
   */
  void verify(String alg, byte[] signingInput, byte[] signature) {
    if (!accepts(alg)) {
      throw new IllegalArgumentException(alg + " is not pinned to " + describe());
    }
    if (signature.length != signatureBytes) {
      throw bad(alg + " signature by " + describe() + " must be " + signatureBytes
          + " bytes, got " + signature.length);
    }
    if (ecOrder != null) {
      checkEcdsaRange(signature, ecOrder);
    }
    boolean valid;
    try {
      valid = verifier.verify(
          new JWSHeader(JWSAlgorithm.parse(alg)), signingInput, Base64URL.encode(signature));
    } catch (JOSEException | RuntimeException e) {
      throw bad("signature could not be checked with " + describe() + ": " + e.getClass().getSimpleName());
    }
    if (!valid) {
      throw bad("signature does not verify with " + describe());
    }
  }

  /** CVE-2022-21449: r = 0 or s = 0 (or either not below n) must never reach the JDK. */
  private void checkEcdsaRange(byte[] signature, BigInteger n) {
    int half = signature.length / 2;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
    if (r.signum() == 0 || s.signum() == 0) {
      throw bad("ECDSA signature with r or s zero (CVE-2022-21449 psychic signature)");
    }
    if (r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
      throw bad("ECDSA signature with r or s not below the curve order (CVE-2022-21449 class)");
    }
  }

  private static AuthenticationException bad(String message) {
    return new AuthenticationException(BAD_SIGNATURE, message);
  }

  @Override
  public String toString() {
    return describe() + " " + algorithms;
  }
}
