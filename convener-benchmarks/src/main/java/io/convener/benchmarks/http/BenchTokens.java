package io.convener.benchmarks.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 bearer tokens for the load generator and the verifier settings its server accepts. */
final class BenchTokens {
  static final String ISSUER = "https://bench/";
  static final String AUDIENCE = "convener";
  static final String KEY_ID = "k";
  private static final String SECRET = "benchmark secret of at least thirty-two bytes";

  private BenchTokens() {}

  static byte[] secret() {
    return SECRET.getBytes(StandardCharsets.UTF_8);
  }

  /** A token for this tenant, subject and lower-case role, valid for two hours. */
  static String token(String tenant, String subject, String role) {
    long now = Instant.now().getEpochSecond();
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
        + "\",\"tenant\":\"" + tenant + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":"
        + (now + 7200) + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + KEY_ID + "\"}")
        .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
      return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
