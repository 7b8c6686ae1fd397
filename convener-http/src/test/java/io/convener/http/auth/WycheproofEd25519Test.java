package io.convener.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import io.convener.api.AuthenticationException;
import io.convener.testing.vectors.ConformanceVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof's Ed25519 vectors (C2SP/wycheproof, {@code testvectors_v1/ed25519_test.json})
 * through the EdDSA key of this verifier: the group's {@code publicKeyJwk} pinned by {@link
 * KeyPinning#fromJwks}, each signature checked by {@link PinnedKey#verify} (length check, then
 * nimbus-jose-jwt over Tink). The JWS vectors have no EdDSA group, so this covers that algorithm;
 * the messages are arbitrary bytes, so the key is called directly rather than through a token.
 */
class WycheproofEd25519Test {
  @TestFactory
  Stream<DynamicTest> everySignatureGivesTheAnswerOfItsFile() throws Exception {
    Path file = ConformanceVectors.require("wycheproof/ed25519_test.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    HexFormat hex = HexFormat.of();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      PinnedKey key = KeyPinning.fromJwks(JWK.parse(group.get("publicKeyJwk").toString()));
      for (JsonNode vector : group.get("tests")) {
        byte[] message = hex.parseHex(vector.get("msg").asText());
        byte[] signature = hex.parseHex(vector.get("sig").asText());
        boolean valid = vector.get("result").asText().equals("valid");
        tests.add(DynamicTest.dynamicTest("tcId " + vector.get("tcId").asInt() + " " + vector.get("flags")
            + " (" + vector.get("result").asText() + ")", () -> {
              if (valid) {
                assertThatCode(() -> key.verify("EdDSA", message, signature)).doesNotThrowAnyException();
              } else {
                assertThatThrownBy(() -> key.verify("EdDSA", message, signature))
                    .isInstanceOf(AuthenticationException.class);
              }
            }));
      }
    }
    assertThat(tests).hasSize(root.get("numberOfTests").asInt());
    return tests.stream();
  }
}
