package io.convener.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.IntegrityException;
import io.convener.testing.vectors.ConformanceVectors;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Project Wycheproof's AES-GCM vectors ({@code wycheproof/aes_gcm_test.json} from C2SP/wycheproof,
 * {@code testvectors_v1/}; commit in {@code shared/vectors/wycheproof/SOURCE-COMMIT}), run through
 * {@link AesGcm}. Vectors of the size Convener uses (256-bit key, 96-bit IV, 128-bit tag) go
 * through the product's primitive, {@link AesGcm#encrypt} and {@link AesGcm#decrypt}, with their
 * size checks; every other vector (128- and 192-bit keys, IVs of 0 to 2056 bits) through {@link
 * AesGcm#transform}, the lower level those two call. Valid vectors must encrypt to the given
 * ciphertext and tag and decrypt back; invalid ones must fail to decrypt, and where they have a
 * well-formed key and IV, encryption of their message must not give their (wrong) ciphertext.
 * The file has no "acceptable" vectors; any would fail this test until a decision is written here.
 */
class AesGcmWycheproofTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void everyVectorGivesTheAnswerItsFileSays() throws Exception {
    Path file = ConformanceVectors.require("wycheproof/aes_gcm_test.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());

    Map<String, Integer> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (JsonNode group : root.path("testGroups")) {
      int keyBits = group.path("keySize").asInt();
      int ivBits = group.path("ivSize").asInt();
      assertThat(group.path("tagSize").asInt()).as("every group has 128-bit tags").isEqualTo(128);
      boolean productSize = keyBits == 256 && ivBits == 96;
      for (JsonNode test : group.path("tests")) {
        String result = test.path("result").asText();
        String path = productSize ? "product" : "lower-level";
        counts.merge(path + " " + result, 1, Integer::sum);
        String problem = productSize ? checkThroughProduct(test) : checkThroughLowerLevel(test);
        if (problem != null) {
          failures.add("tcId " + test.path("tcId").asInt() + " (" + keyBits + "-bit key, " + ivBits + "-bit IV, "
              + result + ", " + test.path("comment").asText() + "): " + problem);
        }
      }
    }

    System.out.println("Wycheproof aes_gcm_test.json: " + counts);
    assertThat(failures).isEmpty();
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        "product valid", 39, "product invalid", 27, "lower-level valid", 190, "lower-level invalid", 60));
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(root.path("numberOfTests").asInt()).isEqualTo(316);
  }

  /** Null when the vector gives the right answer through {@link AesGcm#encrypt} and {@link AesGcm#decrypt}. */
  private static String checkThroughProduct(JsonNode test) {
    SecretKey key = AesGcm.key(bytes(test, "key"));
    byte[] iv = bytes(test, "iv");
    byte[] aad = bytes(test, "aad");
    byte[] msg = bytes(test, "msg");
    byte[] ctAndTag = concat(bytes(test, "ct"), bytes(test, "tag"));
    byte[] encrypted = AesGcm.encrypt(key, iv, msg, aad);
    if (test.path("result").asText().equals("valid")) {
      if (!HEX.formatHex(encrypted).equals(HEX.formatHex(ctAndTag))) {
        return "encrypts to " + HEX.formatHex(encrypted);
      }
      byte[] decrypted = AesGcm.decrypt(key, iv, ctAndTag, aad);
      return HEX.formatHex(decrypted).equals(HEX.formatHex(msg)) ? null : "decrypts to " + HEX.formatHex(decrypted);
    }
    if (HEX.formatHex(encrypted).equals(HEX.formatHex(ctAndTag))) {
      return "an invalid ciphertext is what encryption gives";
    }
    try {
      AesGcm.decrypt(key, iv, ctAndTag, aad);
      return "an invalid ciphertext decrypts";
    } catch (IntegrityException expected) {
      return null;
    }
  }

  /** Null when the vector gives the right answer through {@link AesGcm#transform}. */
  private static String checkThroughLowerLevel(JsonNode test) {
    SecretKey key = new SecretKeySpec(bytes(test, "key"), "AES");
    byte[] iv = bytes(test, "iv");
    byte[] aad = bytes(test, "aad");
    byte[] msg = bytes(test, "msg");
    byte[] ctAndTag = concat(bytes(test, "ct"), bytes(test, "tag"));
    boolean valid = test.path("result").asText().equals("valid");
    try {
      byte[] encrypted = AesGcm.transform(Cipher.ENCRYPT_MODE, key, iv, msg, aad);
      if (valid != HEX.formatHex(encrypted).equals(HEX.formatHex(ctAndTag))) {
        return "encrypts to " + HEX.formatHex(encrypted);
      }
    } catch (GeneralSecurityException e) {
      if (valid) {
        return "encryption fails: " + e;
      }
    }
    try {
      byte[] decrypted = AesGcm.transform(Cipher.DECRYPT_MODE, key, iv, ctAndTag, aad);
      if (!valid) {
        return "an invalid ciphertext decrypts";
      }
      return HEX.formatHex(decrypted).equals(HEX.formatHex(msg)) ? null : "decrypts to " + HEX.formatHex(decrypted);
    } catch (GeneralSecurityException e) {
      return valid ? "decryption fails: " + e : null;
    }
  }

  @Test
  void theProductPrimitiveRefusesOtherSizes() {
    SecretKey aes128 = new SecretKeySpec(new byte[16], "AES");
    SecretKey aes256 = AesGcm.key(new byte[32]);
    assertThatThrownBy(() -> AesGcm.encrypt(aes128, new byte[12], new byte[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256-bit");
    assertThatThrownBy(() -> AesGcm.decrypt(aes256, new byte[16], new byte[16], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 bytes");
    assertThatThrownBy(() -> AesGcm.encrypt(aes256, new byte[0], new byte[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AesGcm.key(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(JsonNode test, String field) {
    if (!test.has(field)) {
      fail("vector " + test.path("tcId") + " has no " + field);
    }
    return HEX.parseHex(test.path(field).asText());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
