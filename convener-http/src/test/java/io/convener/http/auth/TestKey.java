package io.convener.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A signing key for tests, with the algorithm it signs with. Keys are generated fresh with
 * nimbus-jose-jwt's generators (independent of the code under test, which only verifies).
 */
record TestKey(String kid, String alg, JWSSigner signer, JWK publicJwk, byte[] secret) {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  static TestKey rsa(String kid) {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
      return new TestKey(kid, "RS256", new RSASSASigner(key), key.toPublicJWK(), new byte[0]);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestKey ec(String kid) {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
      return new TestKey(kid, "ES256", new ECDSASigner(key), key.toPublicJWK(), new byte[0]);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestKey ed25519(String kid) {
    try {
      OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).generate();
      return new TestKey(kid, "EdDSA", new Ed25519Signer(key), key.toPublicJWK(), new byte[0]);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestKey hmac(String kid) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return hmac(kid, secret);
  }

  /** An HS256 key over given bytes, such as an RSA public key's (the confusion attack). */
  static TestKey hmac(String kid, byte[] secret) {
    try {
      return new TestKey(kid, "HS256", new MACSigner(secret), null, secret.clone());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JWKS document listing these keys' public halves. */
  static String jwks(TestKey... keys) {
    return jwks(List.of(keys));
  }

  static String jwks(List<TestKey> keys) {
    return keys.stream().map(k -> k.publicJwk().toJSONString())
        .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
  }

  /** A token with a standard header ({@code alg} and {@code kid}) and these claims. */
  String sign(String claimsJson) {
    return sign("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}", claimsJson);
  }

  /** A token with exactly this header and payload, signed with this key's signer and algorithm. */
  String sign(String headerJson, String payloadJson) {
    return sign(headerJson, payloadJson.getBytes(StandardCharsets.UTF_8));
  }

  /** A token with exactly this header and these payload bytes, which need not be valid UTF-8. */
  String sign(String headerJson, byte[] payload) {
    String signingInput = b64(headerJson) + "." + b64(payload);
    try {
      String signature = signer.sign(new JWSHeader(JWSAlgorithm.parse(alg)),
          signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
      return signingInput + "." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return B64.encodeToString(bytes);
  }
}
