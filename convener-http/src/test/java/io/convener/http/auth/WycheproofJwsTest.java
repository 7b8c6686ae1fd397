package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.ALGORITHM_MISMATCH;
import static io.convener.api.AuthenticationException.Reason.ALG_NONE;
import static io.convener.api.AuthenticationException.Reason.HEADER_SUPPLIED_KEY;
import static io.convener.api.AuthenticationException.Reason.MALFORMED;
import static io.convener.api.AuthenticationException.Reason.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.AuthenticationException;
import io.convener.api.AuthenticationException.Reason;
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
 * Wycheproof's JWS vectors (C2SP/wycheproof, {@code testvectors_v1/json_web_signature_test.json},
 * commit in {@code shared/vectors/wycheproof/SOURCE-COMMIT}) through the verifier's signature
 * layer, {@link NimbusTokenVerifier#verifySignature}: the same parsing, key resolution, algorithm
 * pinning and signature check as real tokens, without the claim checks (the vectors' payloads are
 * not claim sets). Each group's key reaches the verifier the way a host would configure it: an
 * {@code oct} key as an HS256 secret, a public key in a one-key JWKS.
 *
 * <p>Every vector runs; valid ones must verify and invalid ones must be refused with an {@link
 * AuthenticationException} (never another exception). Where this verifier deliberately gives
 * another answer than the file, the vector is listed in {@link #DEVIATIONS} and the refusal is
 * asserted instead; where the file contradicts itself, the vector is skipped ({@link #SKIPPED}).
 */
class WycheproofJwsTest {
  private static final Logger log = LoggerFactory.getLogger(WycheproofJwsTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Vectors the file calls valid that this verifier refuses on purpose, with the reason it gives. */
  static final Map<Integer, Deviation> DEVIATIONS = Map.of(
      346, new Deviation(ALGORITHM_MISMATCH, "the group's key declares alg PS256 but the token is PS384; "
          + "algorithms are pinned per key, as this file's own WrongPrimitive vectors 331-340 demand"),
      350, new Deviation(ALGORITHM_MISMATCH, "as 346, with key_ops"),
      347, new Deviation(UNKNOWN_KEY, "the P-521 key declares alg 'ES521', which is not a JWS algorithm "
          + "(RFC 7518 names it ES512); a key whose alg does not fit its curve is not trusted"),
      351, new Deviation(UNKNOWN_KEY, "as 347, with key_ops"),
      372, new Deviation(MALFORMED, "a '?' inserted into the base64url header; RFC 7515 allows only "
          + "base64url characters, and this file's vectors 361-366, 369 and 371 demand refusing them"),
      373, new Deviation(MALFORMED, "as 372, in the payload"));

  /** Vectors byte-identical to valid vector 357 under the same key, yet marked invalid: no verifier can tell. */
  static final Map<Integer, Integer> SKIPPED = Map.of(367, 357, 370, 357);

  /** Reasons asserted for vectors whose refusal has one specific cause. */
  static final Map<Integer, Reason> REASONS = Map.of(
      16, ALG_NONE, 31, ALGORITHM_MISMATCH, 32, HEADER_SUPPLIED_KEY,
      341, ALG_NONE, 342, ALG_NONE, 343, ALG_NONE, 344, ALG_NONE,
      353, UNKNOWN_KEY, 354, UNKNOWN_KEY);

  record Deviation(Reason reason, String why) {}

  private static final AtomicInteger asFileSays = new AtomicInteger();
  private static final AtomicInteger deviations = new AtomicInteger();
  private static final AtomicInteger skipped = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyVectorGivesTheAnswerOfItsFile() throws IOException {
    Path file = ConformanceVectors.require("wycheproof/json_web_signature_test.json");
    JsonNode root = JSON.readTree(file.toFile());
    Map<Integer, String> tokens = new java.util.HashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      NimbusTokenVerifier verifier = verifierFor(group);
      for (JsonNode vector : group.get("tests")) {
        int id = vector.get("tcId").asInt();
        String jws = vector.get("jws").asText();
        tokens.put(id, jws);
        boolean valid = vector.get("result").asText().equals("valid");
        String name = "tcId " + id + " " + group.get("comment").asText() + " " + vector.get("comment").asText()
            + " (" + vector.get("result").asText() + ")";
        tests.add(DynamicTest.dynamicTest(name, () -> run(verifier, id, jws, valid, tokens)));
      }
    }
    assertThat(tests).hasSize(root.get("numberOfTests").asInt());
    return tests.stream();
  }

  private static void run(NimbusTokenVerifier verifier, int id, String jws, boolean valid, Map<Integer, String> tokens) {
    Integer twin = SKIPPED.get(id);
    if (twin != null) {
      assertThat(jws).as("still identical to tcId %d", twin).isEqualTo(tokens.get(twin));
      skipped.incrementAndGet();
      assumeTrue(false, "tcId " + id + " is byte-identical to valid tcId " + twin + " under the same key: contradictory");
    }
    Deviation deviation = DEVIATIONS.get(id);
    if (deviation != null) {
      assertThat(valid).isTrue();
      assertThat(refusal(verifier, jws)).as(deviation.why()).isEqualTo(deviation.reason());
      deviations.incrementAndGet();
      return;
    }
    if (valid) {
      assertThatCode(() -> verifier.verifySignature(jws)).doesNotThrowAnyException();
    } else {
      Reason reason = refusal(verifier, jws);
      if (REASONS.containsKey(id)) {
        assertThat(reason).isEqualTo(REASONS.get(id));
      }
    }
    asFileSays.incrementAndGet();
  }

  /** The reason the verifier refuses the token; fails the test if it accepts or throws anything else. */
  static Reason refusal(NimbusTokenVerifier verifier, String jws) {
    try {
      verifier.verifySignature(jws);
    } catch (AuthenticationException e) {
      return e.reason();
    }
    throw new AssertionError("accepted a token that must be refused");
  }

  /** A verifier that trusts the group's key, configured as a host would. */
  static NimbusTokenVerifier verifierFor(JsonNode group) {
    JsonNode key = group.has("public") ? group.get("public") : group.get("private");
    TokenVerifierSettings.Builder settings = Fixture.settings();
    if (key.get("kty").asText().equals("oct")) {
      settings.hmacSecret(key.get("kid").asText(), Base64.getUrlDecoder().decode(key.get("k").asText()));
    } else {
      String jwks = "{\"keys\":[" + key + "]}";
      settings.jwks(() -> jwks);
    }
    return new NimbusTokenVerifier(settings.build(), new MutableClock(Fixture.NOW));
  }

  @AfterAll
  static void summary() {
    log.info("Wycheproof JWS: {} vectors as the file says, {} deliberate deviations asserted, {} skipped",
        asFileSays.get(), deviations.get(), skipped.get());
  }
}
