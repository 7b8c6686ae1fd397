package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict decoder on its own: what it remembers of bad bytes, and for how long. */
class StrictUtf8ReaderTest {
  @Test
  void aBinaryFileReadAsTextIsRememberedOncePerLineAndReadNotPerByte() throws IOException {
    byte[] input = new byte[1_000_001];
    Arrays.fill(input, 0, 500_000, (byte) 0xFF);
    input[500_000] = '\n';
    Arrays.fill(input, 500_001, input.length, (byte) 0xFE);
    StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(input));
    char[] buffer = new char[8192];
    int reads = 0;
    long chars = 0;
    for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
      reads++;
      chars += n;
    }

    assertThat(chars).isEqualTo(input.length);
    assertThat(reader.remembered()).isBetween(2, reads + 1);
    StrictUtf8Reader.Malformed first = reader.inChars(0, 500_000);
    assertThat(first).isEqualTo(new StrictUtf8Reader.Malformed(0, 0, 0xFF));
    StrictUtf8Reader.Malformed second = reader.inChars(500_001, input.length);
    assertThat(second).isEqualTo(new StrictUtf8Reader.Malformed(500_001, 500_001, 0xFE));
    assertThat(reader.inChars(input.length, input.length + 1)).isNull();
    assertThat(reader.remembered()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8192})
  void validTextComesThroughUnchangedAndNothingIsRemembered(int size) throws IOException {
    String text = "caf\u00e9 \u20ac \ud83d\ude00\r\n\u4e2d\n";
    StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(text.getBytes(UTF_8)));
    char[] buffer = new char[size]; // 1: a surrogate pair comes one half at a time
    StringBuilder read = new StringBuilder();
    for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
      assertThat(n).as("a read returns at least one character").isPositive();
      read.append(buffer, 0, n);
    }

    assertThat(read.toString()).isEqualTo(text);
    assertThat(reader.remembered()).isZero();
  }
}
