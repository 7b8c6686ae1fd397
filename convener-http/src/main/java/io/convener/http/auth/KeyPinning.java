package io.convener.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * Turns configured secrets and JWKS entries into {@link PinnedKey}s, refusing keys that must not
 * be trusted. The pin comes from the key, never from a token: an HMAC secret accepts HS256; an RSA
 * key its {@code alg} when that is an RSA signature algorithm, else RS256; an EC key the algorithm
 * of its curve (P-256 ES256, P-384 ES384, P-521 ES512); an Ed25519 key EdDSA (or the fully
 * specified {@code Ed25519}).
 *
 * <p>A JWKS key is refused when: it is symmetric ({@code oct}: a published key set must never
 * carry a secret); it carries private parameters (the issuer's signing key has leaked); {@code
 * use} is not {@code sig} or {@code key_ops} lacks {@code verify}; its {@code alg} does not fit
 * its type or curve; an RSA modulus is under 2048 bits, has the ROCA fingerprint, or the public
 * exponent is even or below 3; the curve is not one above. Nimbus itself refuses EC points that
 * are not on their curve.
 */
final class KeyPinning {
  private static final Set<String> RSA_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
  private static final Map<Curve, String> EC_ALGORITHMS =
      Map.of(Curve.P_256, "ES256", Curve.P_384, "ES384", Curve.P_521, "ES512");
  private static final Map<Curve, Integer> EC_SIGNATURE_BYTES =
      Map.of(Curve.P_256, 64, Curve.P_384, 96, Curve.P_521, 132);
  private static final int MIN_RSA_BITS = 2048;

  private KeyPinning() {}

  /** An HS256 key over a configured secret. */
  static PinnedKey hmac(String kid, SecretKey secret) {
    try {
      return new PinnedKey(kid, Set.of("HS256"), new MACVerifier(secret), 32, null, "HMAC");
    } catch (JOSEException e) {
      throw new IllegalArgumentException("HMAC secret '" + kid + "' is not usable: " + e.getMessage(), e);
    }
  }

  /**
   * A key from a JWKS.
   *
   * @throws IllegalArgumentException naming why the key is not trusted
   */
  static PinnedKey fromJwks(JWK jwk) {
    if (jwk instanceof OctetSequenceKey) {
      throw new IllegalArgumentException("symmetric (oct) keys are never taken from a JWKS");
    }
    if (jwk.isPrivate()) {
      throw new IllegalArgumentException("key carries private parameters; the issuer's signing key has leaked");
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      throw new IllegalArgumentException("key use is '" + jwk.getKeyUse().identifier() + "', not 'sig'");
    }
    if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
      throw new IllegalArgumentException("key_ops does not allow 'verify'");
    }
    String declared = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
    try {
      if (jwk instanceof RSAKey rsa) {
        return rsa(rsa, declared);
      }
      if (jwk instanceof ECKey ec) {
        return ec(ec, declared);
      }
      if (jwk instanceof OctetKeyPair okp) {
        return ed25519(okp, declared);
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("key is not usable: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("key type " + jwk.getKeyType() + " is not supported");
  }

  private static PinnedKey rsa(RSAKey jwk, @Nullable String declared) throws JOSEException {
    if (declared != null && !RSA_ALGORITHMS.contains(declared)) {
      throw new IllegalArgumentException("RSA key declares alg " + declared + ", not an RSA signature algorithm");
    }
    RSAPublicKey key = jwk.toRSAPublicKey();
    BigInteger n = key.getModulus();
    BigInteger e = key.getPublicExponent();
    if (n.bitLength() < MIN_RSA_BITS) {
      throw new IllegalArgumentException("RSA modulus has " + n.bitLength() + " bits, fewer than " + MIN_RSA_BITS);
    }
    if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
      throw new IllegalArgumentException("RSA public exponent must be odd and at least 3");
    }
    if (Roca.hasFingerprint(n)) {
      throw new IllegalArgumentException("RSA modulus has the ROCA fingerprint (CVE-2017-15361)");
    }
    return new PinnedKey(jwk.getKeyID(), Set.of(declared == null ? "RS256" : declared),
        new RSASSAVerifier(key), (n.bitLength() + 7) / 8, null, "RSA " + n.bitLength());
  }

  private static PinnedKey ec(ECKey jwk, @Nullable String declared) throws JOSEException {
    Curve curve = jwk.getCurve();
    String alg = EC_ALGORITHMS.get(curve);
    if (alg == null) {
      throw new IllegalArgumentException("EC curve " + curve + " is not supported");
    }
    if (declared != null && !declared.equals(alg)) {
      throw new IllegalArgumentException("EC " + curve + " key declares alg " + declared + ", its curve means " + alg);
    }
    ECPublicKey key = jwk.toECPublicKey();
    return new PinnedKey(jwk.getKeyID(), Set.of(alg), new ECDSAVerifier(key),
        EC_SIGNATURE_BYTES.get(curve), key.getParams().getOrder(), "EC " + curve);
  }

  private static PinnedKey ed25519(OctetKeyPair jwk, @Nullable String declared) throws JOSEException {
    if (!Curve.Ed25519.equals(jwk.getCurve())) {
      throw new IllegalArgumentException("OKP curve " + jwk.getCurve() + " is not supported (only Ed25519)");
    }
    if (declared != null && !declared.equals("EdDSA") && !declared.equals("Ed25519")) {
      throw new IllegalArgumentException("Ed25519 key declares alg " + declared);
    }
    Set<String> algorithms = declared == null ? Set.of("EdDSA", "Ed25519") : Set.of(declared);
    return new PinnedKey(jwk.getKeyID(), algorithms, new Ed25519Verifier(jwk), 64, null, "Ed25519");
  }
}
