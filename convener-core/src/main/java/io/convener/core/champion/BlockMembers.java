package io.convener.core.champion;

import io.convener.api.MemberId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The member ids that event blocks name, as dense indexes in order of first sight, looked up by
 * their UTF-8 bytes where they lie in a block. Every block lists the members it names, so a load
 * resolves tens of millions of such entries at a million members: here an entry seen before costs
 * a hash of its bytes and one comparison, where a {@code HashMap<String, Integer>} made a String
 * for each and followed three references per probe. A new id is checked as a {@link MemberId}
 * once. Not thread-safe.
 */
final class BlockMembers {
  private final IdArena bytes = new IdArena();
  private long[] address = new long[1024];
  private int[] hashes = new int[1024];
  /** Open addressing, linear probing: index + 1 of the id in each slot, 0 for an empty slot. */
  private int[] slots = new int[2048];
  private int size;

  /**
   * The index of the id whose UTF-8 bytes are {@code b[at .. at + length)}, adding it when new.
   *
   * @throws IllegalArgumentException when a new id is not a valid member id
   */
  int indexOf(byte[] b, int at, int length) {
    int h = hash(b, at, length);
    int mask = slots.length - 1;
    int s = h & mask;
    for (int e = slots[s]; e != 0; e = slots[s]) {
      if (hashes[e - 1] == h && bytes.matches(address[e - 1], b, at, length)) {
        return e - 1;
      }
      s = (s + 1) & mask;
    }
    MemberId.of(new String(b, at, length, StandardCharsets.UTF_8));
    if (size == address.length) {
      address = Arrays.copyOf(address, 2 * size);
      hashes = Arrays.copyOf(hashes, 2 * size);
    }
    address[size] = bytes.add(b, at, length);
    hashes[size] = h;
    slots[s] = ++size;
    if (2 * size > slots.length) {
      rehash();
    }
    return size - 1;
  }

  int size() {
    return size;
  }

  /** The id at an index below {@link #size()}. */
  String id(int i) {
    return bytes.get(address[i]);
  }

  private void rehash() {
    int[] grown = new int[2 * slots.length];
    int mask = grown.length - 1;
    for (int i = 0; i < size; i++) {
      int s = hashes[i] & mask;
      while (grown[s] != 0) {
        s = (s + 1) & mask;
      }
      grown[s] = i + 1;
    }
    slots = grown;
  }

  /** FNV-1a over the bytes, then a murmur finaliser so that the low bits pick slots well. */
  private static int hash(byte[] b, int at, int length) {
    int h = 0x811C9DC5;
    for (int i = at, end = at + length; i < end; i++) {
      h = (h ^ (b[i] & 0xFF)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }
}
