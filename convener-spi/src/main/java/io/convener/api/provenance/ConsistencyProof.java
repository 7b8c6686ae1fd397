package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2} leaves: the
 * RFC 9162 §2.1.4 consistency path. Check it with both root hashes, for example a checkpoint saved
 * earlier and today's. When the sizes are equal the path is empty and the roots must be equal.
 * Immutable and thread-safe.
 *
 * @param size1 the size of the earlier tree
 * @param size2 the size of the later tree
 * @param hashes the consistency path, in the order RFC 9162 §2.1.4.1 produces it
 */
public record ConsistencyProof(long size1, long size2, List<Sha256Hash> hashes) {
  /**
   * Validates the ranges and copies the list.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2}
   */
  public ConsistencyProof {
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "need 0 <= size1 <= size2, got size1 " + size1 + " and size2 " + size2);
    }
    hashes = List.copyOf(requireNonNull(hashes, "hashes"));
  }
}
