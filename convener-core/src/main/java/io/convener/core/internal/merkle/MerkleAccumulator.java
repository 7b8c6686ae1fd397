package io.convener.core.internal.merkle;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.Sha256Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 root of a growing log without its leaves: the compact range (frontier) of one
 * complete-subtree hash per set bit of the size, largest (leftmost) first. Appending merges equal
 * subtrees (amortised one node hash per leaf); the root folds the frontier right to left (at most
 * 63 node hashes). A log can persist {@link #frontier()} with its size and {@link #restore} it.
 *
 * <p>Not thread-safe: confine to the one writer that appends. Never returns null.
 */
public final class MerkleAccumulator {
  /** Complete subtree hashes, largest first; sizes are the set bits of {@code size}, descending. */
  private final List<byte[]> frontier;
  private long size;

  /** An accumulator of the empty tree. */
  public MerkleAccumulator() {
    this.frontier = new ArrayList<>(Long.SIZE);
  }

  private MerkleAccumulator(long size, List<byte[]> frontier) {
    this.size = size;
    this.frontier = frontier;
  }

  /**
   * An accumulator that continues a tree of {@code size} leaves from its frontier.
   *
   * @param size the number of leaves so far
   * @param frontier the hashes that {@link #frontier()} returned for that size
   * @throws IllegalArgumentException if {@code size} is negative or the frontier does not have
   *     exactly one hash per set bit of {@code size}
   */
  public static MerkleAccumulator restore(long size, List<Sha256Hash> frontier) {
    requireNonNull(frontier, "frontier");
    if (size < 0 || frontier.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException("a tree of " + size + " leaves has a frontier of "
          + Long.bitCount(Math.max(size, 0)) + " hashes, got " + frontier.size());
    }
    List<byte[]> hashes = new ArrayList<>(Long.SIZE);
    for (Sha256Hash h : frontier) {
      hashes.add(h.bytes());
    }
    return new MerkleAccumulator(size, hashes);
  }

  /** The number of leaves appended so far, restored ones included. */
  public long size() {
    return size;
  }

  /**
   * Appends a leaf hash ({@link MerkleHash#leafHash(byte[])} of the entry).
   *
   * @return the index of the new leaf
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes
   * @throws IllegalStateException if the tree already has {@link Long#MAX_VALUE} leaves
   */
  public long append(byte[] leafHash) {
    byte[] hash = MerkleHash.requireHash(leafHash, "leafHash").clone();
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("the tree is full");
    }
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      hash = MerkleHash.nodeHash(frontier.remove(frontier.size() - 1), hash);
    }
    frontier.add(hash);
    return size++;
  }

  /** The root hash of the leaves so far; {@code SHA-256("")} when there are none. */
  public Sha256Hash rootHash() {
    if (frontier.isEmpty()) {
      return Sha256Hash.of(MerkleHash.emptyRoot());
    }
    byte[] root = frontier.get(frontier.size() - 1);
    for (int i = frontier.size() - 2; i >= 0; i--) {
      root = MerkleHash.nodeHash(frontier.get(i), root);
    }
    return Sha256Hash.of(root);
  }

  /** The compact range: one hash per set bit of {@link #size()}, the largest subtree first. */
  public List<Sha256Hash> frontier() {
    List<Sha256Hash> copy = new ArrayList<>(frontier.size());
    for (byte[] h : frontier) {
      copy.add(Sha256Hash.of(h));
    }
    return List.copyOf(copy);
  }
}
