package io.convener.core.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.IntegrityException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class AesGcmTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static SecretKey randomKey() {
    byte[] material = new byte[AesGcm.KEY_BYTES];
    RANDOM.nextBytes(material);
    return AesGcm.key(material);
  }

  @Test
  void sealOpensWithTheSameKeyAndAssociatedDataUnderAFreshNonceEachTime() {
    SecretKey key = randomKey();
    byte[] aad = "tenant|member|field".getBytes(UTF_8);
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      byte[] sealed = AesGcm.seal(key, "Zoë 山田".getBytes(UTF_8), aad);
      assertThat(sealed).hasSize(AesGcm.NONCE_BYTES + "Zoë 山田".getBytes(UTF_8).length + AesGcm.TAG_BYTES);
      nonces.add(HexFormat.of().formatHex(sealed, 0, AesGcm.NONCE_BYTES));
      assertThat(new String(AesGcm.open(key, sealed, aad), UTF_8)).isEqualTo("Zoë 山田");
    }
    assertThat(nonces).as("random nonces").hasSize(100);
    assertThat(AesGcm.open(key, AesGcm.seal(key, new byte[0], aad), aad)).isEmpty();
  }

  @Test
  void everyFlippedBitAnotherKeyOrOtherAssociatedDataFailsIntegrity() {
    SecretKey key = randomKey();
    byte[] aad = {1, 2, 3};
    byte[] sealed = AesGcm.seal(key, "ann@example.org".getBytes(UTF_8), aad);
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] flipped = sealed.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> AesGcm.open(key, flipped, aad)).isInstanceOf(IntegrityException.class);
    }
    assertThatThrownBy(() -> AesGcm.open(randomKey(), sealed, aad)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> AesGcm.open(key, sealed, new byte[] {1, 2, 4})).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> AesGcm.open(key, new byte[27], aad))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("shorter");
  }
}
