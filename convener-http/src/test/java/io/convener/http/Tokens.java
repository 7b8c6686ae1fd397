package io.convener.http;

import io.convener.api.auth.TokenVerifier;
import io.convener.http.auth.TokenVerifierSettings;
import io.convener.http.auth.TokenVerifiers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs HS256 test tokens by hand (RFC 7515 compact form) and builds the verifier that accepts them. */
final class Tokens {
  static final String ISSUER = "https://login.example.com/";
  static final String AUDIENCE = "convener";
  private static final byte[] SECRET = "a test secret of at least 32 bytes, never used in production"
      .getBytes(StandardCharsets.UTF_8);

  private Tokens() {}

  static TokenVerifier verifier() {
    return TokenVerifiers.create(TokenVerifierSettings.builder().issuer(ISSUER).audience(AUDIENCE)
        .hmacSecret("k1", SECRET).build());
  }

  /** A token for this tenant and subject with these lower-case roles, valid for ten minutes. */
  static String token(String tenant, String subject, String... roles) {
    return sign(SECRET, tenant, subject, 600, roles);
  }

  /** A token valid for only this many more seconds. */
  static String expiring(long seconds, String tenant, String subject, String... roles) {
    return sign(SECRET, tenant, subject, seconds, roles);
  }

  /** A token signed with another secret: its signature does not verify. */
  static String forged(String tenant, String subject) {
    return sign("another secret of at least 32 bytes, unknown to the server".getBytes(StandardCharsets.UTF_8),
        tenant, subject, 600, "admin");
  }

  private static String sign(byte[] secret, String tenant, String subject, long seconds, String... roles) {
    long now = Instant.now().getEpochSecond();
    StringBuilder r = new StringBuilder("[");
    for (int i = 0; i < roles.length; i++) {
      r.append(i == 0 ? "" : ",").append('"').append(roles[i]).append('"');
    }
    r.append(']');
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
        + "\",\"tenant\":\"" + tenant + "\",\"roles\":" + r + ",\"iat\":" + now + ",\"exp\":" + (now + seconds) + "}";
    String input = b64("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + b64(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] sig = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
