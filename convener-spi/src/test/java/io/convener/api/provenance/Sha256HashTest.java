package io.convener.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Sha256HashTest {
  /** SHA-256 of the empty string (FIPS 180-4 examples, as every tool prints it). */
  private static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String EMPTY_BASE64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  @Test
  void convertsBetweenHexBase64AndBytesAndComparesByContent() {
    Sha256Hash fromHex = Sha256Hash.fromHex(EMPTY_HEX);
    Sha256Hash fromBase64 = Sha256Hash.fromBase64(EMPTY_BASE64);

    assertThat(fromHex).isEqualTo(fromBase64).hasSameHashCodeAs(fromBase64);
    assertThat(fromHex.base64()).isEqualTo(EMPTY_BASE64);
    assertThat(fromBase64.hex()).isEqualTo(EMPTY_HEX).isEqualTo(fromBase64.toString());
    assertThat(Sha256Hash.of(fromHex.bytes())).isEqualTo(fromHex);
    assertThat(fromHex.matches(fromBase64.bytes())).isTrue();
    assertThat(fromHex.matches(new byte[3])).isFalse();
    assertThat(Sha256Hash.fromHex(EMPTY_HEX.toUpperCase())).isEqualTo(fromHex);
  }

  @Test
  void isImmutable() {
    byte[] bytes = new byte[32];
    Sha256Hash hash = Sha256Hash.of(bytes);
    bytes[0] = 1;
    hash.bytes()[1] = 1;

    assertThat(hash.bytes()).isEqualTo(new byte[32]);
  }

  @Test
  void rejectsAnythingButThirtyTwoBytes() {
    assertThatThrownBy(() -> Sha256Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sha256Hash.fromHex(EMPTY_HEX + "00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sha256Hash.fromHex("zz" + EMPTY_HEX.substring(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sha256Hash.fromBase64("ZG9uJ3QgY2FyZSAy")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sha256Hash.fromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sha256Hash.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofsValidateTheirRanges() {
    assertThatThrownBy(() -> new InclusionProof(3, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(-1, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(4, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(-1, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ConsistencyProof(3, 3, List.of()).hashes()).isEmpty();
  }
}
