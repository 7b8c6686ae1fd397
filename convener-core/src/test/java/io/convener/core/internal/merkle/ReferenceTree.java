package io.convener.core.internal.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 written down literally, recursion and all, over a list of leaf hashes: the
 * reference the cached tree is compared with. O(n) per call; for tests only.
 */
final class ReferenceTree {
  private ReferenceTree() {}

  /** MTH(D[n]) over leaf hashes. */
  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return MerkleHash.emptyRoot();
    }
    if (n == 1) {
      return d.get(0);
    }
    int k = Integer.highestOneBit(n - 1);
    return MerkleHash.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]). */
  static List<byte[]> path(int m, List<byte[]> d) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (n > 1) {
      int k = Integer.highestOneBit(n - 1);
      if (m < k) {
        out.addAll(path(m, d.subList(0, k)));
        out.add(mth(d.subList(k, n)));
      } else {
        out.addAll(path(m - k, d.subList(k, n)));
        out.add(mth(d.subList(0, k)));
      }
    }
    return out;
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
  static List<byte[]> proof(int m, List<byte[]> d) {
    return subproof(m, d, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }
}
