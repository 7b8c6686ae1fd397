package io.convener.core.internal.crypto;

import static io.convener.spi.keys.PersonalDataCipher.DISPLAY_NAME;
import static io.convener.spi.keys.PersonalDataCipher.EMAIL;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.storage.WrappedKey;
import io.convener.testing.keys.InMemoryKeyProvider;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values are padded to buckets before encryption; ciphertexts written before padding still read. */
class PaddedCiphertextTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANN = MemberId.of("ann");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final InMemoryKeyProvider keys = new InMemoryKeyProvider();
  private final MapSubjectKeyStore store = new MapSubjectKeyStore();
  private final EnvelopeCipher cipher = EnvelopeCipher.of(keys, store);

  @ParameterizedTest
  @CsvSource({"0, 32", "31, 32", "32, 64", "63, 64", "64, 128", "4095, 4096", "4096, 8192", "10000, 12288"})
  void bucketsDoubleFrom32AndThenGrowBy4096(int length, int bucket) {
    assertThat(Padding.bucket(length)).isEqualTo(bucket);
  }

  /** Seeded random names of 0 to 31 UTF-8 bytes (ASCII and two-byte letters) all seal to one length. */
  @RepeatedTest(5)
  void valuesOfOneBucketHaveCiphertextsOfOneLength() {
    long seed = new Random().nextLong();
    System.out.println("PaddedCiphertextTest seed " + seed);
    Random random = new Random(seed);
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      StringBuilder name = new StringBuilder();
      int budget = random.nextInt(32);
      while (name.toString().getBytes(UTF_8).length + 2 <= budget) {
        name.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26)) : 'é');
      }
      lengths.add(cipher.encrypt(ACME, ANN, DISPLAY_NAME, name.toString()).length());
    }
    assertThat(lengths).as("seed " + seed).hasSize(1);
  }

  @Test
  void aLongerNameInTheSameBucketLooksTheSameAndTheNextBucketDiffers() {
    String shortName = cipher.encrypt(ACME, ANN, DISPLAY_NAME, "Al");
    String name23 = cipher.encrypt(ACME, ANN, DISPLAY_NAME, "Zoe Ann Marie Delacroix");
    String name32 = cipher.encrypt(ACME, ANN, DISPLAY_NAME, "x".repeat(32));
    assertThat(name23).hasSameSizeAs(shortName);
    assertThat(Base64.getUrlDecoder().decode(name23.substring(4))).hasSize(8 + 8 + 12 + 32 + 16);
    assertThat(name32.length()).isGreaterThan(name23.length());
    assertThat(cipher.decrypt(ACME, ANN, DISPLAY_NAME, name23)).contains("Zoe Ann Marie Delacroix");
    assertThat(cipher.decrypt(ACME, ANN, DISPLAY_NAME, name32)).contains("x".repeat(32));
  }

  @Test
  void aCiphertextWrittenBeforePaddingStillDecrypts() {
    cipher.encrypt(ACME, ANN, EMAIL, "creates the key");
    for (String value : new String[] {"", "ann@example.org", "Zoë 山田 🎉", "y".repeat(5000)}) {
      String old = legacy(EMAIL, value, bytes -> bytes);
      assertThat(old).startsWith("ev1:");
      assertThat(cipher.decrypt(ACME, ANN, EMAIL, old)).contains(value);
    }
  }

  @Test
  void tamperingWithEitherFormatOrSwappingTheirLabelsIsDetected() {
    String current = cipher.encrypt(ACME, ANN, EMAIL, "ann@example.org");
    String old = legacy(EMAIL, "ann@example.org", bytes -> bytes);
    for (String sealed : new String[] {old, current}) {
      byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(4));
      for (int bit = 64; bit < bytes.length * 8; bit += 7) {
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = sealed.substring(0, 4) + B64.encodeToString(flipped);
        assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, tampered)).as(sealed.substring(0, 4) + " bit " + bit)
            .isInstanceOf(IntegrityException.class);
      }
    }
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, "ev2:" + old.substring(4)))
        .isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, "ev1:" + current.substring(4)))
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void malformedPaddingUnderAValidTagIsAnIntegrityFailure() {
    cipher.encrypt(ACME, ANN, EMAIL, "creates the key");
    // A writer that forgot the marker: authentic, but not padded as ev2 says.
    String noMarker = legacy(EMAIL, "ann@example.org", bytes -> Arrays.copyOf(bytes, 32), "ev2");
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, noMarker))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("padding is malformed");
    String allZero = legacy(EMAIL, "", bytes -> new byte[32], "ev2");
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, EMAIL, allZero))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("padding is malformed");
  }

  private String legacy(String field, String value, UnaryOperator<byte[]> shape) {
    return legacy(field, value, shape, "ev1");
  }

  /**
   * A ciphertext as the writer before padding made it ({@code ev1}, written out here from its
   * documented layout), or, with another label, as a writer of that label would.
   */
  private String legacy(String field, String value, UnaryOperator<byte[]> shape, String label) {
    WrappedKey wrapped = store.find(ACME, ANN).orElseThrow();
    DataKey key = KeyWrapping.unwrap(ACME, wrapped,
        keys.keyEncryptionKey(ACME, KeyWrapping.kekId(wrapped)).orElseThrow());
    byte[] binding = Binding.of(label).text(ACME.value()).text(ANN.value()).text(field).number(key.id()).toBytes();
    byte[] sealed = AesGcm.seal(key.encryptionKey(), shape.apply(value.getBytes(UTF_8)), binding);
    byte[] place;
    try {
      place = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(
          Binding.of("ev1-place").text(ACME.value()).text(ANN.value()).text(field).toBytes()), 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] out = ByteBuffer.allocate(16 + sealed.length).putLong(key.id()).put(place).put(sealed).array();
    return label + ":" + B64.encodeToString(out);
  }
}
