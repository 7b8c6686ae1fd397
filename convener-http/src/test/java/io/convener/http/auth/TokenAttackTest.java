package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.ALGORITHM_MISMATCH;
import static io.convener.api.AuthenticationException.Reason.ALG_NONE;
import static io.convener.api.AuthenticationException.Reason.BAD_SIGNATURE;
import static io.convener.api.AuthenticationException.Reason.FOREIGN_TENANT;
import static io.convener.api.AuthenticationException.Reason.HEADER_SUPPLIED_KEY;
import static io.convener.api.AuthenticationException.Reason.MALFORMED;
import static io.convener.api.AuthenticationException.Reason.MISSING_TENANT;
import static io.convener.api.AuthenticationException.Reason.UNKNOWN_KEY;
import static io.convener.http.auth.Fixture.NOW;
import static io.convener.http.auth.Fixture.assertRefused;
import static io.convener.http.auth.Fixture.claims;
import static io.convener.http.auth.TestKey.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.convener.api.AuthenticationException;
import io.convener.api.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per attack on the token path, each asserting its own reason. */
class TokenAttackTest {
  private static final TestKey RSA = TestKey.rsa("rsa-1");
  private static final TestKey EC = TestKey.ec("ec-1");
  private static final TestKey ED = TestKey.ed25519("ed-1");

  private final MutableClock clock = new MutableClock(NOW);
  private final FakeJwksSource jwks = new FakeJwksSource(TestKey.jwks(RSA, EC, ED));
  private final NimbusTokenVerifier verifier = new NimbusTokenVerifier(
      Fixture.settings().jwks(jwks).tenants(TenantId.of("acme")).build(), clock);
  private final String payload = claims().toString();

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void refusesAlgNoneInAnyCase(String none) {
    String token = b64("{\"alg\":\"" + none + "\",\"kid\":\"rsa-1\"}") + "." + b64(payload) + ".";

    assertRefused(() -> verifier.verify(token), ALG_NONE);
  }

  @Test
  void refusesAlgNoneEvenWithASignatureAttached() {
    String signed = RSA.sign(payload);
    String token = b64("{\"alg\":\"none\"}") + signed.substring(signed.indexOf('.'));

    assertRefused(() -> verifier.verify(token), ALG_NONE);
  }

  /** The classic confusion: HMAC keyed with the RSA public key, naming the RSA key's kid. */
  @ParameterizedTest
  @ValueSource(strings = {"jwk-json", "x509-der", "pem"})
  void refusesAnRsaPublicKeyUsedAsHmacSecret(String encoding) throws Exception {
    TestKey forger = TestKey.hmac("rsa-1", publicKeyBytes(encoding));
    String token = forger.sign(payload);

    assertRefused(() -> verifier.verify(token), ALGORITHM_MISMATCH);
    assertThat(jwks.fetches()).isEqualTo(1); // resolved from the cached key set, no refetch
  }

  @Test
  void refusesAnRsaPublicKeyUsedAsHmacSecretWithoutKid() throws Exception {
    TestKey forger = TestKey.hmac("unused", publicKeyBytes("pem"));
    String token = forger.sign("{\"alg\":\"HS256\"}", payload);

    assertRefused(() -> verifier.verify(token), ALGORITHM_MISMATCH);
  }

  @Test
  void refusesTheConfusionAlsoWhenHmacSecretsAreConfigured() throws Exception {
    TestKey shared = TestKey.hmac("shared");
    NimbusTokenVerifier mixed = new NimbusTokenVerifier(
        Fixture.settings().jwks(jwks).hmacSecret("shared", shared.secret()).build(), clock);
    TestKey forger = TestKey.hmac("rsa-1", publicKeyBytes("jwk-json"));

    assertThat(mixed.verify(shared.sign(payload)).subject()).isEqualTo("ana");
    assertRefused(() -> mixed.verify(forger.sign(payload)), ALGORITHM_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS384", "PS256", "ES256", "HS512", "EdDSA", "foo"})
  void refusesAnyAlgorithmButTheOnePinnedToTheKey(String alg) {
    String signed = RSA.sign(payload);
    String token = b64("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}") + signed.substring(signed.indexOf('.'));

    assertRefused(() -> verifier.verify(token), ALGORITHM_MISMATCH);
  }

  @Test
  void refusesAnUnknownKidAfterOneRefresh() {
    TestKey stranger = TestKey.rsa("stranger");
    assertThat(verifier.verify(RSA.sign(payload)).subject()).isEqualTo("ana");
    clock.advance(Duration.ofMinutes(1)); // past the cooldown of the first fetch

    assertRefused(() -> verifier.verify(stranger.sign(payload)), UNKNOWN_KEY);
    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void unknownKidsCannotForceAFetchPerRequest() {
    clock.advance(Duration.ofMinutes(1));
    assertThat(verifier.verify(RSA.sign(payload)).subject()).isEqualTo("ana");
    for (int i = 0; i < 50; i++) {
      TestKey made = TestKey.hmac("made-up-" + i);
      String token = made.sign("{\"alg\":\"RS256\",\"kid\":\"made-up-" + i + "\"}", payload);
      assertRefused(() -> verifier.verify(token), UNKNOWN_KEY);
      clock.advance(Duration.ofSeconds(1));
    }

    // 50 requests over 50 s: the initial fetch, then one forced fetch once the 30 s cooldown passed
    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jwk", "jku", "x5u", "x5c"})
  void refusesHeaderSuppliedKeys(String parameter) {
    TestKey attacker = TestKey.rsa("rsa-1");
    String value = switch (parameter) {
      case "jwk" -> attacker.publicJwk().toJSONString();
      case "x5c" -> "[\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"]";
      default -> "\"https://evil.example.com/keys\"";
    };
    String token = attacker.sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"" + parameter + "\":" + value + "}", payload);

    assertRefused(() -> verifier.verify(token), HEADER_SUPPLIED_KEY);
    assertThat(jwks.fetches()).as("refused before any key lookup").isZero();
  }

  /** CVE-2022-21449: r = s = 0 verifies any message on unpatched JDKs 15 to 18. */
  @Test
  void refusesPsychicEcdsaSignatures() {
    String token = b64("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}") + "." + b64(payload) + "." + b64(new byte[64]);

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("CVE-2022-21449")
        .extracting(e -> ((AuthenticationException) e).reason())
        .isEqualTo(BAD_SIGNATURE);
  }

  @Test
  void refusesAnEcdsaSignatureWithROrSAtTheCurveOrder() {
    byte[] signature = new byte[64];
    byte[] n = new java.math.BigInteger(
        "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray();
    System.arraycopy(n, n.length - 32, signature, 0, 32);
    signature[63] = 1;
    String token = b64("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}") + "." + b64(payload) + "." + b64(signature);

    assertRefused(() -> verifier.verify(token), BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"payload", "signature", "header"})
  void refusesATamperedToken(String part) {
    String[] parts = EC.sign(payload).split("\\.");
    switch (part) {
      case "payload" -> parts[1] = b64(claims().put("sub", "eve").toString());
      case "signature" -> parts[2] = b64(filled(64, 0x11));
      default -> parts[0] = b64("{\"kid\":\"ec-1\",\"alg\":\"ES256\"}");
    }

    assertRefused(() -> verifier.verify(String.join(".", parts)), BAD_SIGNATURE);
  }

  @Test
  void refusesASignatureByAnotherKeyUnderARealKid() {
    TestKey impostor = TestKey.ed25519("ed-1");

    assertRefused(() -> verifier.verify(impostor.sign(payload)), BAD_SIGNATURE);
  }

  @Test
  void refusesAMissingTenantClaim() {
    assertRefused(() -> verifier.verify(RSA.sign(claims().remove("tenant").toString())), MISSING_TENANT);
  }

  @Test
  void refusesAForeignTenant() {
    assertRefused(() -> verifier.verify(RSA.sign(claims().put("tenant", "globex").toString())), FOREIGN_TENANT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "garbage", "a.b", "a.b.c.d", "a.b.c.d.e", "...", "e30.e30.e30",
      "eyJhbGciOiJSUzI1NiJ9.e30=.AAAA", "eyJhbGciOiJSUzI1NiJ9.e3?.AAAA", "eyJhbGciOiJSUzI1NiJ9.e31.AAAA",
      "W10.e30.AAAA", "eyJhbGciOiJSUzI1NiJ9.e30.", "eyJhbGciOiJSUzI1NiIsImFsZyI6IkhTMjU2In0.e30.AAAA",
      "eyJhbGciOjF9.e30.AAAA", "eyJhbGciOiJSUzI1NiIsImtpZCI6MX0.e30.AAAA",
      "eyJhbGciOiJSUzI1NiJ9IHt9.e30.AAAA", "eyJhbGciOiJSUzI1NiJ9eA.e30.AAAA", "eyJhbGciOiJSUzI1Nv8ifQ.e30.AAAA",
  })
  void refusesGarbageAsMalformed(String token) {
    assertRefused(() -> verifier.verify(token), MALFORMED);
  }

  @Test
  void refusesCriticalHeaderExtensions() {
    String token = RSA.sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"b64\"],\"b64\":false}", payload);

    assertRefused(() -> verifier.verify(token), MALFORMED);
  }

  @Test
  void refusesAnOverlongToken() {
    String token = RSA.sign(claims().put("pad", "x".repeat(70_000)).toString());

    assertRefused(() -> verifier.verify(token), MALFORMED);
  }

  @Test
  void neverTakesASecretFromTheJwks() {
    TestKey hmac = TestKey.hmac("oct-1");
    String octJwk = "{\"kty\":\"oct\",\"kid\":\"oct-1\",\"k\":\"" + b64(hmac.secret()) + "\"}";
    jwks.serve("{\"keys\":[" + octJwk + "," + RSA.publicJwk().toJSONString() + "]}");

    assertRefused(() -> verifier.verify(hmac.sign(payload)), UNKNOWN_KEY);
    assertThat(verifier.verify(RSA.sign(payload)).subject()).isEqualTo("ana");
  }

  @Test
  void neverTrustsAJwksKeyThatCarriesItsPrivateHalf() throws Exception {
    RSAKey leaked = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("leaked").generate();
    jwks.serve("{\"keys\":[" + leaked.toJSONString() + "]}");
    String token = new TestKey("leaked", "RS256", new com.nimbusds.jose.crypto.RSASSASigner(leaked),
        leaked.toPublicJWK(), new byte[0]).sign(payload);

    assertRefused(() -> verifier.verify(token), UNKNOWN_KEY);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] publicKeyBytes(String encoding) throws Exception {
    RSAKey key = (RSAKey) RSA.publicJwk();
    byte[] der = key.toRSAPublicKey().getEncoded();
    return switch (encoding) {
      case "jwk-json" -> key.toJSONString().getBytes(StandardCharsets.UTF_8);
      case "x509-der" -> der;
      default -> ("-----BEGIN PUBLIC KEY-----\n"
          + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
          + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    };
  }
}
