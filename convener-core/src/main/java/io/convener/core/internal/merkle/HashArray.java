package io.convener.core.internal.merkle;

import java.util.Arrays;

/**
 * A growable array of 32-byte hashes packed into 512 KiB chunks, so that millions of hashes cost
 * little more than their bytes and growing never copies them. Not thread-safe.
 */
final class HashArray {
  private static final int CHUNK_BITS = 14;
  private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_HASHES - 1;

  private byte[][] chunks = new byte[1][];
  private long size;

  long size() {
    return size;
  }

  void add(byte[] hash) {
    int chunk = (int) (size >>> CHUNK_BITS);
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new byte[CHUNK_HASHES * MerkleHash.SIZE];
    }
    System.arraycopy(hash, 0, chunks[chunk], (int) (size & CHUNK_MASK) * MerkleHash.SIZE, MerkleHash.SIZE);
    size++;
  }

  /** A copy of the hash at {@code index}. */
  byte[] get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
    }
    int offset = (int) (index & CHUNK_MASK) * MerkleHash.SIZE;
    return Arrays.copyOfRange(chunks[(int) (index >>> CHUNK_BITS)], offset, offset + MerkleHash.SIZE);
  }
}
