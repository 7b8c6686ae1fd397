package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.testing.vectors.ConformanceVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wycheproof's key-set vectors (C2SP/wycheproof, {@code testvectors_v1/json_web_key_test.json}):
 * each group is a key set and a token; the verifier must accept the token only when the key set is
 * one it should trust. A key set with any asymmetric key is served as the issuer's JWKS (where
 * symmetric keys are ignored by design); a key set of {@code oct} keys only is configured as HS256
 * secrets through the settings builder, whose refusal counts as refusing the token.
 *
 * <p>Skipped as not applicable: valid vectors whose keys are HS384 or HS512 secrets (tcIds 14 and
 * 15), since this verifier pins every HMAC secret to HS256 and cannot be configured with them.
 */
class WycheproofJwkTest {
  private static final Logger log = LoggerFactory.getLogger(WycheproofJwkTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Refusals with one specific, checked cause. */
  static final Map<Integer, String> REFUSED_KEYS = Map.of(
      6, "use enc", 7, "ROCA modulus", 8, "1024-bit modulus", 9, "public exponent 1",
      19, "alg ES521 on P-256", 20, "alg ES224", 21, "use enc", 22, "point not on the curve",
      23, "P-256 coordinates on P-384", 24, "EC parameters under kty RSA");

  private static final AtomicInteger ran = new AtomicInteger();
  private static final AtomicInteger skipped = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyKeySetIsTrustedOnlyWhenItShouldBe() throws IOException {
    Path file = ConformanceVectors.require("wycheproof/json_web_key_test.json");
    JsonNode root = JSON.readTree(file.toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      JsonNode keys = (group.has("public") ? group.get("public") : group.get("private")).get("keys");
      for (JsonNode vector : group.get("tests")) {
        int id = vector.get("tcId").asInt();
        boolean valid = vector.get("result").asText().equals("valid");
        String name = "tcId " + id + " " + group.get("comment").asText() + " " + vector.get("comment").asText()
            + " (" + vector.get("result").asText() + ")";
        tests.add(DynamicTest.dynamicTest(name, () -> run(id, keys, vector.get("jws").asText(), valid)));
      }
    }
    assertThat(tests).hasSize(root.get("numberOfTests").asInt());
    return tests.stream();
  }

  private static void run(int id, JsonNode keys, String jws, boolean valid) {
    NimbusTokenVerifier verifier;
    try {
      verifier = verifierFor(keys);
    } catch (IllegalArgumentException refused) {
      if (valid) {
        assertThat(refused).hasMessageContaining("HS256 only");
        skipped.incrementAndGet();
        assumeTrue(false, "tcId " + id + ": " + refused.getMessage());
      }
      ran.incrementAndGet();
      return; // the settings refused the key set, so no token can verify under it
    }
    if (valid) {
      assertThatCode(() -> verifier.verifySignature(jws)).doesNotThrowAnyException();
    } else {
      var reason = WycheproofJwsTest.refusal(verifier, jws);
      if (REFUSED_KEYS.containsKey(id)) {
        assertThat(reason).as("key refused: %s", REFUSED_KEYS.get(id)).isEqualTo(UNKNOWN_KEY);
      }
    }
    ran.incrementAndGet();
  }

  private static NimbusTokenVerifier verifierFor(JsonNode keys) {
    TokenVerifierSettings.Builder settings = Fixture.settings();
    boolean symmetricOnly = true;
    for (JsonNode key : keys) {
      symmetricOnly &= key.get("kty").asText().equals("oct");
    }
    if (symmetricOnly) {
      for (JsonNode key : keys) {
        String alg = key.path("alg").asText("HS256");
        if (!alg.equals("HS256")) {
          throw new IllegalArgumentException("HMAC secrets are HS256 only; this key is for " + alg);
        }
        settings.hmacSecret(key.get("kid").asText(), Base64.getUrlDecoder().decode(key.get("k").asText()));
      }
    } else {
      String jwks = "{\"keys\":" + keys + "}";
      settings.jwks(() -> jwks);
    }
    return new NimbusTokenVerifier(settings.build(), new MutableClock(Fixture.NOW));
  }

  @AfterAll
  static void summary() {
    log.info("Wycheproof JWK: {} vectors as the file says, {} skipped as not applicable", ran.get(), skipped.get());
  }
}
