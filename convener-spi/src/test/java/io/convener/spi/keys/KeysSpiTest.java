package io.convener.spi.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeysSpiTest {
  @Test
  void everyKeyMethodTakesATenantIdFirstAndNoSecondTenant() {
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    for (Class<?> spi : List.of(KeyProvider.class, PersonalDataCipher.class)) {
      for (Method m : spi.getMethods()) {
        if (Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        checked++;
        long tenants = Arrays.stream(m.getParameterTypes()).filter(t -> t == TenantId.class).count();
        if (m.getParameterCount() == 0 || m.getParameterTypes()[0] != TenantId.class || tenants != 1) {
          offenders.add(spi.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(18);
    assertThat(offenders).as("key methods whose first parameter is not the only TenantId").isEmpty();
  }

  @Test
  void signingKeyIdIsTheFirstFourBytesOfTheSha256OfTheX509Encoding() throws Exception {
    // The public key of RFC 8032, section 7.1, test 1, in its X.509 encoding (RFC 8410 prefix).
    byte[] x509 = HexFormat.of().parseHex(
        "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));

    // Python: hashlib.sha256(x509).hexdigest() starts with 06e3fd8f.
    assertThat(KeyProvider.signingKeyId(key)).isEqualTo(0x06e3fd8f);
  }

  @Test
  void aKeysetNeedsItsPrimaryAnd256BitAesKeysAndNeverPrintsThem() {
    SecretKey a = new SecretKeySpec(new byte[32], "AES");
    SecretKey shortKey = new SecretKeySpec(new byte[16], "AES");
    SecretKey hmac = new SecretKeySpec(new byte[32], "HmacSHA256");

    TenantKeyset keyset = new TenantKeyset(7, Map.of(7, a, -3, a));
    assertThat(keyset.primary()).isSameAs(a);
    assertThat(keyset.key(-3)).containsSame(a);
    assertThat(keyset.key(8)).isEmpty();
    assertThat(keyset).hasToString("TenantKeyset[primary=7, keys=[-3, 7]]");

    assertThatThrownBy(() -> new TenantKeyset(1, Map.of(7, a))).hasMessageContaining("primary key 1");
    assertThatThrownBy(() -> new TenantKeyset(7, Map.of(7, shortKey))).hasMessageContaining("256-bit AES");
    assertThatThrownBy(() -> new TenantKeyset(7, Map.of(7, hmac))).hasMessageContaining("256-bit AES");
  }

  @Test
  void personalValuesCheckTheFieldAndNeverPrintTheValue() {
    PersonalValue v = PersonalValue.of(MemberId.of("m-1"), PersonalDataCipher.EMAIL, "ann@example.org");
    assertThat(v.toString()).doesNotContain("ann").contains("m-1", "email", "15 chars");
    for (String bad : List.of("", "1st", "with space", "a/b", "x".repeat(65))) {
      assertThatThrownBy(() -> PersonalValue.of(MemberId.of("m"), bad, "v"))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(PersonalValue.of(MemberId.of("m"), "notes.private_2", "v").field()).isEqualTo("notes.private_2");
  }
}
