package io.convener.core.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.testing.vectors.ConformanceVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Ed25519 vector of Project Wycheproof ({@code shared/vectors/wycheproof/ed25519_test.json},
 * see its {@code SOURCE-COMMIT}) through {@link Ed25519#verify}, the path checkpoint signatures
 * take: valid signatures verify, invalid ones (malleable S, bad encodings, truncated or padded
 * signatures, wrong messages) are rejected. One dynamic test per vector, named by its tcId.
 */
class Ed25519WycheproofTest {
  private static final HexFormat HEX = HexFormat.of();

  @TestFactory
  Stream<DynamicTest> everyVectorGivesItsExpectedResult() throws IOException {
    Path file = ConformanceVectors.require("wycheproof/ed25519_test.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.get("algorithm").asText()).isEqualTo("EDDSA");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      byte[] rawKey = HEX.parseHex(group.get("publicKey").get("pk").asText());
      for (JsonNode t : group.get("tests")) {
        String result = t.get("result").asText();
        String name = "tcId " + t.get("tcId").asInt() + " " + result + " " + t.get("flags") + " " + t.get("comment").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          assertThat(result).as("this file has no 'acceptable' vectors to decide on").isIn("valid", "invalid");
          boolean verified = verify(rawKey, HEX.parseHex(t.get("msg").asText()), HEX.parseHex(t.get("sig").asText()));
          assertThat(verified).isEqualTo(result.equals("valid"));
        }));
      }
    }
    assertThat(tests).hasSize(root.get("numberOfTests").asInt());
    return tests.stream();
  }

  /** Verifies as a checkpoint verifier would; a key the JDK refuses counts as a rejection. */
  private static boolean verify(byte[] rawKey, byte[] message, byte[] signature) {
    PublicKey key;
    try {
      key = Ed25519.publicKey(rawKey);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return Ed25519.verify(key, message, signature);
  }
}
