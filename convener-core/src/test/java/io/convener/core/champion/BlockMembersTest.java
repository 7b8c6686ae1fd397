package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockMembersTest {
  /** The id's UTF-8 bytes placed at {@code at} in a larger buffer, as they lie in a block. */
  private static byte[] inBuffer(String id, int at) {
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    byte[] buffer = new byte[at + utf8.length + 3];
    Arrays.fill(buffer, (byte) 'x');
    System.arraycopy(utf8, 0, buffer, at, utf8.length);
    return buffer;
  }

  private static int indexOf(BlockMembers members, String id, int at) {
    return members.indexOf(inBuffer(id, at), at, id.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void numbersIdsInOrderOfFirstSightWhereverTheirBytesLie() {
    // Against a HashMap over many ids (the table grows several times), each looked up again at
    // another offset; prefixes of one another and non-ASCII ids included.
    BlockMembers members = new BlockMembers();
    Map<String, Integer> expected = new HashMap<>();
    Random r = new Random(5);
    for (int i = 0; i < 60_000; i++) {
      String id = switch (r.nextInt(4)) {
        case 0 -> "m" + r.nextInt(20_000);
        case 1 -> "m" + r.nextInt(20_000) + "0";
        case 2 -> "mémbre-" + r.nextInt(5_000);
        default -> "u-" + Integer.toHexString(r.nextInt(10_000));
      };
      int want = expected.computeIfAbsent(id, k -> expected.size());
      assertThat(indexOf(members, id, r.nextInt(40))).as(id).isEqualTo(want);
    }
    assertThat(members.size()).isEqualTo(expected.size());
    expected.forEach((id, i) -> assertThat(members.id(i)).isEqualTo(id));
  }

  @Test
  void aMalformedIdIsRefusedAndNotNumbered() {
    BlockMembers members = new BlockMembers();
    assertThat(indexOf(members, "ann", 2)).isZero();
    assertThatThrownBy(() -> indexOf(members, " ", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(members.size()).isEqualTo(1);
    assertThat(indexOf(members, "bob", 0)).isEqualTo(1);
  }
}
