package io.convener.core.internal.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.testing.vectors.ConformanceVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every RFC 9162 proof vector of transparency-dev/merkle ({@code shared/vectors/merkle/}, see its
 * {@code SOURCE-COMMIT}), one dynamic test per file: valid proofs verify, every other one is
 * rejected. Skips with a message when the vectors are not beside the checkout.
 */
class MerkleVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> inclusionVectors() {
    return vectors("merkle/inclusion").map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
      JsonNode v = read(file);
      boolean verified = MerkleVerifier.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
          base64(v.get("leafHash")), proof(v.get("proof")), base64(v.get("root")));
      assertThat(verified).as(v.get("desc").asText()).isEqualTo(!v.get("wantErr").asBoolean());
    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() {
    return vectors("merkle/consistency").map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
      JsonNode v = read(file);
      boolean verified = MerkleVerifier.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
          proof(v.get("proof")), base64(v.get("root1")), base64(v.get("root2")));
      assertThat(verified).as(v.get("desc").asText()).isEqualTo(!v.get("wantErr").asBoolean());
    }));
  }

  /** The JSON files under {@code relative}, sorted, so that each vector reports on its own. */
  static Stream<Path> vectors(String relative) {
    Path root = ConformanceVectors.require(relative);
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(list).as("vectors under " + root).isNotEmpty();
      return list.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  static byte[] base64(JsonNode node) {
    return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asText());
  }

  static List<byte[]> proof(JsonNode node) {
    List<byte[]> proof = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(h -> proof.add(base64(h)));
    }
    return proof;
  }

  private static String name(Path file) {
    return file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/" + file.getFileName();
  }
}
