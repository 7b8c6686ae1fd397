package io.convener.core.pulse;

import io.convener.api.EventId;

/**
 * A set of 64-bit hashes of event ids (open addressing), held only while a rollup is rebuilt, so
 * that an event both scanned from the store and told by the ingest feed during the rebuild counts
 * once: 16 bytes per scanned event at most, instead of the ids themselves. Two different ids with
 * the same 64-bit hash (odds about n²/2⁶⁵) would make such an event count as already scanned. Not
 * thread-safe.
 */
final class IdHashes {
  private long[] table = new long[1 << 10];
  private int size;

  void add(EventId id) {
    if (2 * (size + 1) > table.length) {
      rehash();
    }
    if (insert(table, hash(id))) {
      size++;
    }
  }

  boolean contains(EventId id) {
    long h = hash(id);
    int mask = table.length - 1;
    for (int i = (int) (h ^ (h >>> 32)) & mask; table[i] != 0; i = (i + 1) & mask) {
      if (table[i] == h) {
        return true;
      }
    }
    return false;
  }

  private static boolean insert(long[] t, long h) {
    int mask = t.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    for (; t[i] != 0; i = (i + 1) & mask) {
      if (t[i] == h) {
        return false;
      }
    }
    t[i] = h;
    return true;
  }

  private void rehash() {
    long[] bigger = new long[table.length * 2];
    for (long h : table) {
      if (h != 0) {
        insert(bigger, h);
      }
    }
    table = bigger;
  }

  /** FNV-1a over the id's characters, then a SplitMix64 finaliser; never 0 (0 marks a free slot). */
  static long hash(EventId id) {
    String s = id.value();
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h == 0 ? 1 : h;
  }

  @Override
  public String toString() {
    return "IdHashes[" + size + " of " + table.length + "]";
  }
}
