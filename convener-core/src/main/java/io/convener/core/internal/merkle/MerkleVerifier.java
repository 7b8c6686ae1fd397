package io.convener.core.internal.merkle;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.Sha256Hash;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 say, and
 * rejects every proof that does not verify: an index not below the size, sizes out of order, a
 * hash that is not 32 bytes, too many or too few nodes, any changed bit.
 *
 * <p>Each check comes twice: {@code check...} throws an {@link IntegrityException} that says what
 * failed, {@code verify...} returns false instead. Neither accepts on an exception of its own.
 * Arguments that are null throw {@link NullPointerException}. Stateless and thread-safe.
 *
 * <p>Consistency follows the RFC 9162 vectors of transparency-dev/merkle on the edge cases: a proof
 * from size 0 is refused as meaningless, even to size 0 (every tree extends the empty one, which
 * the caller decides without a proof); equal sizes need an empty proof and equal roots.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /** Whether {@code proof} shows {@code leafHash} in the tree with {@code root}; see the type. */
  public static boolean verifyInclusion(InclusionProof proof, Sha256Hash leafHash, Sha256Hash root) {
    return verifyInclusion(proof.leafIndex(), proof.treeSize(), leafHash.bytes(), bytes(proof.hashes()), root.bytes());
  }

  /**
   * Checks that {@code proof} shows {@code leafHash} in the tree with {@code root}.
   *
   * @throws IntegrityException saying why it does not
   */
  public static void checkInclusion(InclusionProof proof, Sha256Hash leafHash, Sha256Hash root) {
    checkInclusion(proof.leafIndex(), proof.treeSize(), leafHash.bytes(), bytes(proof.hashes()), root.bytes());
  }

  /** Whether the inclusion path shows the leaf in the tree; see {@link #checkInclusion(long, long, byte[], List, byte[])}. */
  public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    try {
      checkInclusion(leafIndex, treeSize, leafHash, proof, root);
      return true;
    } catch (IntegrityException e) {
      return false;
    }
  }

  /**
   * Checks an inclusion path by RFC 9162 §2.1.3.2: that the leaf with {@code leafHash} at {@code
   * leafIndex} is in the tree of {@code treeSize} leaves whose root is {@code root}.
   *
   * @param proof the inclusion path, lowest level first
   * @throws IntegrityException saying why the proof does not verify
   */
  public static void checkInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    requireNonNull(leafHash, "leafHash");
    requireNonNull(root, "root");
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw fail("inclusion: leaf index " + leafIndex + " is not in a tree of " + treeSize + " leaves");
    }
    checkHash(leafHash, "inclusion: leaf hash");
    checkNodes(proof, "inclusion");
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        throw fail("inclusion: the proof has more than the " + expectedInclusionLength(leafIndex, treeSize)
            + " hashes a tree of " + treeSize + " leaves needs");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHash.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw fail("inclusion: the proof has " + proof.size() + " hashes, a tree of " + treeSize
          + " leaves needs " + expectedInclusionLength(leafIndex, treeSize));
    }
    if (!MessageDigest.isEqual(r, root)) {
      throw fail("inclusion: the proof for leaf " + leafIndex + " does not lead to the root of the tree of "
          + treeSize + " leaves");
    }
  }

  /** Whether {@code proof} shows that the tree with {@code root1} is a prefix of the tree with {@code root2}. */
  public static boolean verifyConsistency(ConsistencyProof proof, Sha256Hash root1, Sha256Hash root2) {
    return verifyConsistency(proof.size1(), proof.size2(), bytes(proof.hashes()), root1.bytes(), root2.bytes());
  }

  /**
   * Checks that {@code proof} shows that the tree with {@code root1} is a prefix of the tree with
   * {@code root2}.
   *
   * @throws IntegrityException saying why it does not
   */
  public static void checkConsistency(ConsistencyProof proof, Sha256Hash root1, Sha256Hash root2) {
    checkConsistency(proof.size1(), proof.size2(), bytes(proof.hashes()), root1.bytes(), root2.bytes());
  }

  /** Whether the consistency path holds; see {@link #checkConsistency(long, long, List, byte[], byte[])}. */
  public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    try {
      checkConsistency(size1, size2, proof, root1, root2);
      return true;
    } catch (IntegrityException e) {
      return false;
    }
  }

  /**
   * Checks a consistency path by RFC 9162 §2.1.4.2: that the tree of {@code size1} leaves with
   * {@code root1} is a prefix of the tree of {@code size2} leaves with {@code root2}. {@code size1}
   * of 0 is refused (see the type); equal sizes need an empty proof and equal roots.
   *
   * @throws IntegrityException saying why the proof does not verify
   */
  public static void checkConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    requireNonNull(root1, "root1");
    requireNonNull(root2, "root2");
    checkNodes(proof, "consistency");
    if (size1 < 0 || size1 > size2) {
      throw fail("consistency: need 0 <= size1 <= size2, got size1 " + size1 + " and size2 " + size2);
    }
    if (size1 == 0) {
      throw fail("consistency: a proof from the empty tree is meaningless");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw fail("consistency: equal sizes need an empty proof, got " + proof.size() + " hashes");
      }
      if (!MessageDigest.isEqual(root1, root2)) {
        throw fail("consistency: two different roots for the same size " + size1);
      }
      return;
    }
    if (proof.isEmpty()) {
      throw fail("consistency: empty proof between sizes " + size1 + " and " + size2);
    }
    checkHash(root1, "consistency: root1");
    checkHash(root2, "consistency: root2");
    List<byte[]> path = proof;
    if (Long.bitCount(size1) == 1) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(root1);
      path.addAll(proof);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        throw fail("consistency: the proof has more hashes than sizes " + size1 + " and " + size2 + " need");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.nodeHash(c, fr);
        sr = MerkleHash.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHash.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw fail("consistency: the proof has fewer hashes than sizes " + size1 + " and " + size2 + " need");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw fail("consistency: the proof does not lead to root1 of the tree of " + size1 + " leaves");
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw fail("consistency: the proof does not lead to root2 of the tree of " + size2 + " leaves");
    }
  }

  /** The length RFC 9162 gives the inclusion path of {@code leafIndex} in a tree of {@code treeSize}. */
  static int expectedInclusionLength(long leafIndex, long treeSize) {
    int inner = Long.SIZE - Long.numberOfLeadingZeros(leafIndex ^ (treeSize - 1));
    return inner + Long.bitCount(leafIndex >>> inner);
  }

  private static void checkNodes(List<byte[]> proof, String what) {
    requireNonNull(proof, "proof");
    for (int i = 0; i < proof.size(); i++) {
      checkHash(requireNonNull(proof.get(i), "proof node"), what + ": proof node " + i);
    }
  }

  private static void checkHash(byte[] hash, String what) {
    if (hash.length != MerkleHash.SIZE) {
      throw fail(what + " is " + hash.length + " bytes, not " + MerkleHash.SIZE);
    }
  }

  private static List<byte[]> bytes(List<Sha256Hash> hashes) {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (Sha256Hash h : hashes) {
      out.add(h.bytes());
    }
    return out;
  }

  private static IntegrityException fail(String message) {
    return new IntegrityException(message);
  }
}
