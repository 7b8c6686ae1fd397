package io.convener.core.internal.merkle;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.Sha256Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 Merkle tree over an append-only sequence of {@link LeafHashes}: the root hash of any
 * prefix (§2.1.1), inclusion proofs (§2.1.3.1) and consistency proofs (§2.1.4.1).
 *
 * <p>The tree keeps, in memory, the hash of every complete subtree (2^level leaves starting at a
 * multiple of 2^level) of level {@code lowestCachedLevel} and above that lies within the largest
 * size asked for so far. Every hash that RFC 9162's recursive definitions need is either such a
 * subtree, a subtree below that level (at most 2^lowestCachedLevel leaves to read and hash), or one
 * of the at most 64 incomplete subtrees on the right edge, built from complete ones. So after the
 * first call for a size has filled the cache (O(size) hashing, once; later calls only add what is
 * new), a root or a proof costs O(log size) cached reads plus a constant of leaf reads and hashes.
 * The cache holds about {@code size / 2^(lowestCachedLevel - 1)} hashes of 32 bytes: with the
 * default level 4, 4 MB for a million leaves.
 *
 * <p>The cache trusts that leaves never change once appended. To check stored leaves against a
 * checkpoint, build a fresh tree over them rather than reuse one that has seen them before.
 *
 * <p>Thread-safe: every method that reads or fills the cache synchronises on the tree; {@link
 * #size()} asks the source, which must be safe to ask from any thread. Never returns null.
 */
public final class MerkleTree {
  /** The default lowest cached level: subtrees of 16 leaves and up are cached. */
  public static final int DEFAULT_LOWEST_CACHED_LEVEL = 4;

  private final LeafHashes leaves;
  private final int lowestCachedLevel;
  /** levels[l] holds the complete subtrees of 2^l leaves, for l >= lowestCachedLevel. */
  private final HashArray[] levels = new HashArray[Long.SIZE];
  /** The cache holds every complete subtree at a cached level within the first cachedSize leaves. */
  private long cachedSize;

  /** A tree over {@code leaves} with the default cache level. */
  public MerkleTree(LeafHashes leaves) {
    this(leaves, DEFAULT_LOWEST_CACHED_LEVEL);
  }

  /**
   * A tree over {@code leaves} that caches complete subtrees of {@code 2^lowestCachedLevel} leaves
   * and up.
   *
   * @throws IllegalArgumentException unless {@code 1 <= lowestCachedLevel <= 20}
   */
  public MerkleTree(LeafHashes leaves, int lowestCachedLevel) {
    this.leaves = requireNonNull(leaves, "leaves");
    if (lowestCachedLevel < 1 || lowestCachedLevel > 20) {
      throw new IllegalArgumentException("lowestCachedLevel must be 1 to 20, got " + lowestCachedLevel);
    }
    this.lowestCachedLevel = lowestCachedLevel;
    for (int level = lowestCachedLevel; level < levels.length; level++) {
      levels[level] = new HashArray();
    }
  }

  /** The number of leaves now; same as {@code leaves.size()}. */
  public long size() {
    return leaves.size();
  }

  /**
   * The root hash of the tree of the first {@code treeSize} leaves; {@code SHA-256("")} for 0.
   *
   * @throws IllegalArgumentException unless {@code 0 <= treeSize <= size()}
   */
  public synchronized Sha256Hash rootHash(long treeSize) {
    checkSize(treeSize, "treeSize");
    if (treeSize == 0) {
      return Sha256Hash.of(MerkleHash.emptyRoot());
    }
    fillCache(treeSize);
    return Sha256Hash.of(rangeHash(0, treeSize));
  }

  /**
   * The inclusion proof of leaf {@code leafIndex} in the tree of the first {@code treeSize} leaves,
   * RFC 9162 §2.1.3.1 {@code PATH(leafIndex, D[treeSize])}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= leafIndex < treeSize <= size()}
   */
  public synchronized InclusionProof inclusionProof(long leafIndex, long treeSize) {
    checkSize(treeSize, "treeSize");
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "leafIndex must be in [0, " + treeSize + "), got " + leafIndex);
    }
    fillCache(treeSize);
    List<Sha256Hash> path = new ArrayList<>(Long.SIZE);
    path(leafIndex, 0, treeSize, path);
    return new InclusionProof(leafIndex, treeSize, path);
  }

  /**
   * The consistency proof between the trees of the first {@code size1} and {@code size2} leaves,
   * RFC 9162 §2.1.4.1 {@code PROOF(size1, D[size2])}; empty when the sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2 <= size()}: every tree extends
   *     the empty one, so a proof from size 0 would prove nothing
   */
  public synchronized ConsistencyProof consistencyProof(long size1, long size2) {
    checkSize(size2, "size2");
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "need 0 < size1 <= size2, got size1 " + size1 + " and size2 " + size2);
    }
    fillCache(size2);
    List<Sha256Hash> proof = new ArrayList<>(Long.SIZE);
    if (size1 < size2) {
      subproof(size1, 0, size2, true, proof);
    }
    return new ConsistencyProof(size1, size2, proof);
  }

  /** Hashes now cached, for tests and sizing. */
  public synchronized long cachedHashes() {
    long total = 0;
    for (int level = lowestCachedLevel; level < levels.length; level++) {
      total += levels[level].size();
    }
    return total;
  }

  private void checkSize(long treeSize, String what) {
    long size = leaves.size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(what + " must be in [0, " + size + "], got " + treeSize);
    }
  }

  /** PATH(m, D[start:start+n]), lowest level first. */
  private void path(long m, long start, long n, List<Sha256Hash> out) {
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(m, start, k, out);
      out.add(Sha256Hash.of(rangeHash(start + k, n - k)));
    } else {
      path(m - k, start + k, n - k, out);
      out.add(Sha256Hash.of(rangeHash(start, k)));
    }
  }

  /** SUBPROOF(m, D[start:start+n], b). */
  private void subproof(long m, long start, long n, boolean whole, List<Sha256Hash> out) {
    if (m == n) {
      if (!whole) {
        out.add(Sha256Hash.of(rangeHash(start, n)));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, k, whole, out);
      out.add(Sha256Hash.of(rangeHash(start + k, n - k)));
    } else {
      subproof(m - k, start + k, n - k, false, out);
      out.add(Sha256Hash.of(rangeHash(start, k)));
    }
  }

  /**
   * MTH(D[start:start+n]) for n >= 1. RFC 9162 splits at the largest power of two below n, so
   * every range reached from the root starts at a multiple of the largest power of two within it.
   */
  private byte[] rangeHash(long start, long n) {
    if (Long.bitCount(n) == 1) {
      int level = Long.numberOfTrailingZeros(n);
      return subtreeHash(level, start >>> level);
    }
    long k = Long.highestOneBit(n - 1);
    return MerkleHash.nodeHash(rangeHash(start, k), rangeHash(start + k, n - k));
  }

  /** The hash of the complete subtree of 2^level leaves starting at leaf {@code index << level}. */
  private byte[] subtreeHash(int level, long index) {
    if (level == 0) {
      return leaves.leafHash(index);
    }
    if (level < lowestCachedLevel) {
      return hashLeaves(index << level, 1 << level);
    }
    HashArray cached = levels[level];
    if (index < cached.size()) {
      return cached.get(index);
    }
    return MerkleHash.nodeHash(subtreeHash(level - 1, 2 * index), subtreeHash(level - 1, 2 * index + 1));
  }

  /** Hashes {@code count} (a power of two) leaves from {@code from} up to their subtree root. */
  private byte[] hashLeaves(long from, int count) {
    byte[][] hashes = new byte[count][];
    leaves.leafHashes(from, hashes);
    for (int width = count; width > 1; width >>>= 1) {
      for (int i = 0; i < width / 2; i++) {
        hashes[i] = MerkleHash.nodeHash(hashes[2 * i], hashes[2 * i + 1]);
      }
    }
    return hashes[0];
  }

  /** Caches every complete subtree at a cached level within the first {@code treeSize} leaves. */
  private void fillCache(long treeSize) {
    if (treeSize <= cachedSize) {
      return;
    }
    HashArray bottom = levels[lowestCachedLevel];
    for (long i = bottom.size(); i < treeSize >>> lowestCachedLevel; i++) {
      bottom.add(hashLeaves(i << lowestCachedLevel, 1 << lowestCachedLevel));
    }
    for (int level = lowestCachedLevel + 1; level < levels.length; level++) {
      HashArray below = levels[level - 1];
      HashArray here = levels[level];
      for (long i = here.size(); i < treeSize >>> level; i++) {
        here.add(MerkleHash.nodeHash(below.get(2 * i), below.get(2 * i + 1)));
      }
    }
    cachedSize = treeSize;
  }
}
