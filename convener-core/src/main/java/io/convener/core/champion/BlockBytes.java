package io.convener.core.champion;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The byte-level writes and reads of {@link EventBlocks}: varints, zigzag, raw longs, strings. */
final class BlockBytes {
  private BlockBytes() {}

  /** A growable byte array with the writes the format needs. */
  static final class Writer {
    private byte[] b;
    private int n;

    Writer(int capacity) {
      b = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
      if (n + more > b.length) {
        b = Arrays.copyOf(b, Math.max(n + more, 2 * b.length));
      }
    }

    Writer raw(int v) {
      ensure(1);
      b[n++] = (byte) v;
      return this;
    }

    Writer varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        b[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      b[n++] = (byte) v;
      return this;
    }

    Writer zigzag(long v) {
      return varint((v << 1) ^ (v >> 63));
    }

    Writer longBits(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        b[n++] = (byte) (v >>> (8 * i));
      }
      return this;
    }

    Writer bytes(byte[] src, int from, int length) {
      ensure(length);
      System.arraycopy(src, from, b, n, length);
      n += length;
      return this;
    }

    Writer string(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      return varint(utf8.length).bytes(utf8, 0, utf8.length);
    }

    byte[] then(Writer rest) {
      byte[] out = Arrays.copyOf(b, n + rest.n);
      System.arraycopy(rest.b, 0, out, n, rest.n);
      return out;
    }
  }

  /** Reads what {@link Writer} wrote; running off the end throws an {@link IndexOutOfBoundsException}. */
  static final class Reader {
    private final byte[] b;
    private int p;

    Reader(byte[] b) {
      this.b = b;
    }

    int raw() {
      return b[p++] & 0xFF;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[p++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("a varint longer than ten bytes in a champion event block");
    }

    int count() {
      long v = varint();
      if (v > Integer.MAX_VALUE) {
        throw new IllegalStateException("a count of " + v + " in a champion event block");
      }
      return (int) v;
    }

    long zigzag() {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    long longBits() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (long) (b[p++] & 0xFF) << (8 * i);
      }
      return v;
    }

    void bytes(byte[] dst, int at, int length) {
      System.arraycopy(b, p, dst, at, length);
      p += length;
    }

    /** Steps over the bytes of a string whose length was just read; returns where they start. */
    int skipString(int length) {
      Objects.checkFromIndexSize(p, length, b.length);
      int at = p;
      p += length;
      return at;
    }

    String string() {
      int length = count();
      String s = new String(b, p, length, StandardCharsets.UTF_8);
      p += length;
      return s;
    }

    boolean done() {
      return p == b.length;
    }
  }
}
