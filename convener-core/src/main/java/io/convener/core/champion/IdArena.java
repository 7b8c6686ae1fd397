package io.convener.core.champion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Event ids as UTF-8 bytes in append-only chunks, addressed by a long: about 20 bytes an id where
 * a {@code String} costs about 60, which is what lets a tenant of twenty million events stay in a
 * 4 GiB heap. An address handed out stays valid while more ids are appended, so readers of an
 * earlier view need no lock. Appends are not thread-safe; reads of handed-out addresses are.
 */
final class IdArena {
  private static final int CHUNK_BITS = 24;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private final List<byte[]> chunks = new ArrayList<>(List.of(new byte[4096]));
  private int used;

  /** The bytes the arena's chunks take on the heap. */
  long estimatedHeapBytes() {
    long sum = 0;
    for (byte[] c : chunks) {
      sum += 16 + c.length;
    }
    return sum;
  }

  /** Stores an id; returns its address. */
  long add(String id) {
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    return add(utf8, 0, utf8.length);
  }

  /** Stores the id whose UTF-8 bytes are {@code utf8[from .. from + length)}; returns its address. */
  long add(byte[] utf8, int from, int length) {
    if (length >= 1 << 16) {
      throw new IllegalArgumentException("an event id of " + length + " bytes");
    }
    int need = length + 2;
    int last = chunks.size() - 1;
    byte[] current = chunks.get(last);
    if (used + need > current.length) {
      if (used + need <= CHUNK) {
        // The open chunk grows by copy: a view taken earlier keeps the old array, whose bytes up to
        // what it can address are the same.
        current = Arrays.copyOf(current, Math.min(CHUNK, Math.max(used + need, 2 * current.length)));
        chunks.set(last, current);
      } else {
        current = new byte[CHUNK];
        chunks.add(current);
        last++;
        used = 0;
      }
    }
    long address = ((long) last << CHUNK_BITS) | used;
    current[used] = (byte) (length >>> 8);
    current[used + 1] = (byte) length;
    System.arraycopy(utf8, from, current, used + 2, length);
    used += need;
    return address;
  }

  /** Whether the id at {@code address} has the UTF-8 bytes {@code b[from .. from + length)}. */
  boolean matches(long address, byte[] b, int from, int length) {
    byte[] c = chunks.get((int) (address >>> CHUNK_BITS));
    int at = (int) (address & (CHUNK - 1));
    return (((c[at] & 0xFF) << 8) | (c[at + 1] & 0xFF)) == length
        && Arrays.equals(c, at + 2, at + 2 + length, b, from, from + length);
  }

  /** The id at {@code address}, read from the arena as it is now. */
  String get(long address) {
    byte[] c = chunks.get((int) (address >>> CHUNK_BITS));
    int at = (int) (address & (CHUNK - 1));
    int length = ((c[at] & 0xFF) << 8) | (c[at + 1] & 0xFF);
    return new String(c, at + 2, length, StandardCharsets.UTF_8);
  }

  /** The chunks as they are now, for a view; later appends do not change the bytes it can reach. */
  byte[][] snapshot() {
    return chunks.toArray(byte[][]::new);
  }

  /** The id at {@code address} in a snapshot. */
  static String get(byte[][] chunks, long address) {
    byte[] c = chunks[(int) (address >>> CHUNK_BITS)];
    int at = (int) (address & (CHUNK - 1));
    int length = ((c[at] & 0xFF) << 8) | (c[at + 1] & 0xFF);
    return new String(c, at + 2, length, StandardCharsets.UTF_8);
  }
}
