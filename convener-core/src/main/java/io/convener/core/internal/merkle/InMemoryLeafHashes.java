package io.convener.core.internal.merkle;

import static java.util.Objects.requireNonNull;

/**
 * Leaf hashes held in memory, 32 bytes each: for tests, benchmarks and logs small enough to keep.
 * Thread-safe: appends and reads synchronise on the instance. Returned arrays are copies.
 */
public final class InMemoryLeafHashes implements LeafHashes {
  private final HashArray hashes = new HashArray();

  /** An empty sequence. */
  public InMemoryLeafHashes() {}

  /**
   * Appends a leaf hash (copied).
   *
   * @return the index of the new leaf
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes
   */
  public synchronized long append(byte[] leafHash) {
    hashes.add(MerkleHash.requireHash(leafHash, "leafHash"));
    return hashes.size() - 1;
  }

  /**
   * Appends the leaf hash of {@code entry}, {@link MerkleHash#leafHash(byte[])}.
   *
   * @return the index of the new leaf
   */
  public long appendEntry(byte[] entry) {
    return append(MerkleHash.leafHash(requireNonNull(entry, "entry")));
  }

  @Override
  public synchronized long size() {
    return hashes.size();
  }

  @Override
  public synchronized byte[] leafHash(long index) {
    return hashes.get(index);
  }

  @Override
  public synchronized void leafHashes(long from, byte[][] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = hashes.get(from + i);
    }
  }
}
