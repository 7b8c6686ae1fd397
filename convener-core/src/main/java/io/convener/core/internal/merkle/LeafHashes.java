package io.convener.core.internal.merkle;

/**
 * An append-only sequence of RFC 9162 leaf hashes ({@link MerkleHash#leafHash(byte[])} of each
 * entry's canonical form) that a {@link MerkleTree} reads. A leaf, once at an index, never changes:
 * the tree caches hashes computed from it.
 *
 * <p>Implementations say whether they are thread-safe; the tree calls them while holding its own
 * lock, one call at a time.
 */
public interface LeafHashes {
  /** The number of leaves; never decreases. */
  long size();

  /**
   * The 32-byte hash of the leaf at {@code index}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  byte[] leafHash(long index);

  /**
   * Fills {@code into} with the hashes of the leaves from {@code from} on, one per element. Stores
   * that read in bulk (one query for a range) override this; the default reads one at a time.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= from} and {@code from + into.length <= size()}
   */
  default void leafHashes(long from, byte[][] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = leafHash(from + i);
    }
  }
}
