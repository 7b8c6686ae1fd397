package io.convener.testing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.keys.PersonalValue;
import org.junit.jupiter.api.Test;

class FakePersonalDataCipherTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANN = MemberId.of("ann");

  @Test
  void behavesLikeACipherWithoutEncrypting() {
    FakePersonalDataCipher cipher = new FakePersonalDataCipher();
    String sealed = cipher.encrypt(ACME, ANN, PersonalDataCipher.EMAIL, "ann@example.org");
    String digest = cipher.digest(ACME, PersonalValue.of(ANN, "email", "ann@example.org"));

    assertThat(sealed).startsWith(FakePersonalDataCipher.PREFIX).doesNotContain("ann@example.org");
    assertThat(cipher.decrypt(ACME, ANN, "email", sealed)).contains("ann@example.org");
    assertThat(cipher.matchesDigest(ACME, PersonalValue.of(ANN, "email", "ann@example.org"), digest)).isTrue();
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, "displayName", sealed)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> cipher.decrypt(TenantId.of("globex"), ANN, "email", sealed))
        .isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> cipher.decrypt(ACME, ANN, "email", "plain text")).isInstanceOf(IntegrityException.class);

    assertThat(cipher.shred(ACME, ANN)).isTrue();
    assertThat(cipher.shred(ACME, ANN)).isFalse();

    assertThat(cipher.decrypt(ACME, ANN, "email", sealed)).isEmpty();
    assertThat(cipher.matchesDigest(ACME, PersonalValue.of(ANN, "email", "ann@example.org"), digest)).isFalse();
    String again = cipher.encrypt(ACME, ANN, "email", "new@example.org");
    assertThat(cipher.decrypt(ACME, ANN, "email", again)).contains("new@example.org");
    cipher.shredTenant(ACME);
    assertThat(cipher.decrypt(ACME, ANN, "email", again)).isEmpty();
    assertThat(cipher.encryptCalls()).isEqualTo(2);
    assertThat(cipher.shredCalls()).isEqualTo(3);
  }
}
