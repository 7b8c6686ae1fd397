package io.convener.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import org.junit.jupiter.api.Test;

class WrappedKeyTest {
  @Test
  void wrappedKeysArePrintableAsciiOfBoundedLengthAndNeverPrinted() {
    WrappedKey key = new WrappedKey(MemberId.of("m-1"), -42L, 7, "AQID_-secret");
    assertThat(key.toString()).contains("m-1", "-42", "7").doesNotContain("secret");

    assertThatThrownBy(() -> new WrappedKey(MemberId.of("m"), 1, 1, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WrappedKey(MemberId.of("m"), 1, 1, "a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WrappedKey(MemberId.of("m"), 1, 1, "é")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WrappedKey(MemberId.of("m"), 1, 1, "a".repeat(401)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new WrappedKey(MemberId.of("m"), 1, 1, "a".repeat(400)).wrapped()).hasSize(400);
  }
}
