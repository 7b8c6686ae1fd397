package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Proof that the leaf at {@code leafIndex} is in the tree of {@code treeSize} leaves: the RFC 9162
 * §2.1.3 inclusion path, the sibling hashes from the leaf's level up to the root. Check it with the
 * leaf's hash and the tree's root hash (for example from a {@link Checkpoint}). Immutable and
 * thread-safe.
 *
 * @param leafIndex the 0-based index of the leaf
 * @param treeSize the number of leaves in the tree the proof is for
 * @param hashes the inclusion path, lowest level first
 */
public record InclusionProof(long leafIndex, long treeSize, List<Sha256Hash> hashes) {
  /**
   * Validates the ranges and copies the list.
   *
   * @throws IllegalArgumentException unless {@code 0 <= leafIndex < treeSize}
   */
  public InclusionProof {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "need 0 <= leafIndex < treeSize, got leafIndex " + leafIndex + " and treeSize " + treeSize);
    }
    hashes = List.copyOf(requireNonNull(hashes, "hashes"));
  }
}
