package io.convener.core.internal.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.Sha256Hash;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The eight leaves of the RFC 6962 reference tests (certificate-transparency, transparency-dev/merkle). */
  static final List<byte[]> RFC6962_LEAVES = List.of(
      HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"),
      HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
      HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

  /** Their roots for sizes 1 to 8, from the same reference tests (size 8 is also the vectors' root). */
  static final List<String> RFC6962_ROOTS = List.of(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void hashesAsRfc9162Says() {
    assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(HEX.formatHex(MerkleHash.leafHash(new byte[0]))).isEqualTo(RFC6962_ROOTS.get(0));
    assertThatThrownBy(() -> MerkleHash.nodeHash(new byte[31], new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rootsOfEveryPrefixMatchTheRfc6962ReferenceTree() {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    MerkleAccumulator accumulator = new MerkleAccumulator();
    MerkleTree tree = new MerkleTree(leaves, 1);
    assertThat(tree.rootHash(0).bytes()).isEqualTo(MerkleHash.emptyRoot());
    for (int i = 0; i < RFC6962_LEAVES.size(); i++) {
      leaves.appendEntry(RFC6962_LEAVES.get(i));
      accumulator.append(MerkleHash.leafHash(RFC6962_LEAVES.get(i)));
      assertThat(tree.rootHash(i + 1).hex()).isEqualTo(RFC6962_ROOTS.get(i));
      assertThat(accumulator.rootHash().hex()).isEqualTo(RFC6962_ROOTS.get(i));
    }
    for (int size = 1; size <= 8; size++) {
      assertThat(tree.rootHash(size).hex()).as("size %d after growth", size).isEqualTo(RFC6962_ROOTS.get(size - 1));
    }
  }

  /** Every root, inclusion proof and consistency proof equals the literal RFC recursion, at every cache level. */
  @ParameterizedTest(name = "lowest cached level {0}")
  @ValueSource(ints = {1, 2, 4, 7})
  void proofsEqualTheRfcRecursionForEverySizeUpTo70(int level) {
    List<byte[]> all = randomLeaves(70, new Random(level));
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    MerkleTree tree = new MerkleTree(leaves, level);
    for (int n = 1; n <= all.size(); n++) {
      leaves.append(all.get(n - 1));
      List<byte[]> d = all.subList(0, n);
      assertThat(tree.rootHash(n).bytes()).isEqualTo(ReferenceTree.mth(d));
      for (int m = 0; m < n; m++) {
        InclusionProof proof = tree.inclusionProof(m, n);
        assertThat(bytes(proof.hashes())).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(ReferenceTree.path(m, d));
        assertThat(proof.hashes()).hasSize(MerkleVerifier.expectedInclusionLength(m, n));
      }
      for (int m = 1; m <= n; m++) {
        ConsistencyProof proof = tree.consistencyProof(m, n);
        assertThat(bytes(proof.hashes())).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(ReferenceTree.proof(m, d));
      }
    }
  }

  @Test
  void oldSizesStayAnswerableAsTheTreeGrowsAndTheCacheStaysSmall() {
    List<byte[]> all = randomLeaves(5000, new Random(7));
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    all.forEach(leaves::append);
    MerkleTree tree = new MerkleTree(leaves);

    Sha256Hash root5000 = tree.rootHash(5000);
    assertThat(tree.rootHash(1234).bytes()).isEqualTo(ReferenceTree.mth(all.subList(0, 1234)));
    assertThat(root5000.bytes()).isEqualTo(ReferenceTree.mth(all));
    // 5000/16 + 5000/32 + ... complete subtrees of 16 leaves and more
    assertThat(tree.cachedHashes()).isEqualTo(312 + 156 + 78 + 39 + 19 + 9 + 4 + 2 + 1);
  }

  @Test
  void accumulatorRestoresFromItsFrontier() {
    List<byte[]> all = randomLeaves(1000, new Random(3));
    MerkleAccumulator whole = new MerkleAccumulator();
    MerkleAccumulator first = new MerkleAccumulator();
    for (int i = 0; i < all.size(); i++) {
      whole.append(all.get(i));
      if (i < 613) {
        first.append(all.get(i));
      }
    }
    MerkleAccumulator resumed = MerkleAccumulator.restore(first.size(), first.frontier());
    for (int i = 613; i < all.size(); i++) {
      assertThat(resumed.append(all.get(i))).isEqualTo(i);
    }

    assertThat(first.frontier()).hasSize(Long.bitCount(613));
    assertThat(resumed.rootHash()).isEqualTo(whole.rootHash());
    assertThat(whole.rootHash().bytes()).isEqualTo(ReferenceTree.mth(all));
    assertThat(new MerkleAccumulator().rootHash().bytes()).isEqualTo(MerkleHash.emptyRoot());
    assertThatThrownBy(() -> MerkleAccumulator.restore(613, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsSizesAndIndexesOutsideTheTree() {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    randomLeaves(10, new Random(1)).forEach(leaves::append);
    MerkleTree tree = new MerkleTree(leaves);

    assertThatThrownBy(() -> tree.rootHash(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.rootHash(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(10, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(5, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MerkleTree(leaves, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> leaves.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThat(tree.consistencyProof(10, 10).hashes()).isEmpty();
  }

  static List<byte[]> randomLeaves(int n, Random random) {
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] entry = new byte[1 + random.nextInt(40)];
      random.nextBytes(entry);
      out.add(MerkleHash.leafHash(entry));
    }
    return out;
  }

  static List<byte[]> bytes(List<Sha256Hash> hashes) {
    return hashes.stream().map(Sha256Hash::bytes).toList();
  }
}
