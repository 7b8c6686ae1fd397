package io.convener.core.internal.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.IntegrityException;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.Sha256Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For random trees of up to 3,000 leaves: every proof the tree makes verifies, and no changed bit,
 * added, dropped or moved node, other index or other size gets through. A proof checked for another
 * size is checked against that size's real root, and passes only where it is also that size's
 * genuine proof: RFC 9162 binds the size through the root, and leaf 0 of 3 has the same path
 * shape as leaf 0 of 4.
 *
 * <p>Each run draws everything from a {@link Random} seeded with its seed; a failure names the
 * seed, and rerunning that seed repeats it exactly.
 */
class MerkleProofPropertiesTest {

  static LongStream seeds60() {
    return LongStream.rangeClosed(1, 60);
  }

  static LongStream seeds20() {
    return LongStream.rangeClosed(1, 20);
  }

  /** Runs one seed's check, naming the seed in any failure. */
  private static void withSeed(long seed, Consumer<Random> check) {
    try {
      check.accept(new Random(seed));
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds60")
  void inclusionProofsVerifyAndEveryChangeIsRejected(long seed) {
    withSeed(seed, random -> inclusion(1 + random.nextInt(3000), random));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds60")
  void consistencyProofsVerifyAndEveryChangeIsRejected(long seed) {
    withSeed(seed, random -> consistency(2 + random.nextInt(2999), random));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds20")
  void checkSaysWhatFailed(long seed) {
    withSeed(seed, random -> checkSaysWhatFailed(2 + random.nextInt(499), random));
  }

  private static void inclusion(int size, Random random) {
    Fixture f = new Fixture(size, random);
    for (int round = 0; round < 4; round++) {
      long index = random.nextInt(size);
      InclusionProof proof = f.tree.inclusionProof(index, size);
      byte[] leaf = f.leaves.leafHash(index);
      byte[] root = f.tree.rootHash(size).bytes();
      List<byte[]> nodes = MerkleTreeTest.bytes(proof.hashes());

      assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, nodes, root)).isTrue();
      assertThat(MerkleVerifier.verifyInclusion(proof, Sha256Hash.of(leaf), Sha256Hash.of(root))).isTrue();

      for (List<byte[]> changed : changes(nodes, random)) {
        assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, changed, root)).isFalse();
      }
      assertThat(MerkleVerifier.verifyInclusion(index, size, flip(leaf, random), nodes, root)).isFalse();
      assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, nodes, flip(root, random))).isFalse();
      for (long other : new long[] {index - 1, index + 1, index ^ 2, random.nextInt(size), -1, size, Long.MAX_VALUE}) {
        if (other != index) {
          assertThat(MerkleVerifier.verifyInclusion(other, size, leaf, nodes, root)).as("index %d", other).isFalse();
        }
      }
      for (long otherSize : new long[] {size - 1, size + 1, 2L * size, size / 2, index + 1 + random.nextInt(size - (int) index)}) {
        if (otherSize == size || otherSize <= index) {
          continue;
        }
        byte[] otherRoot = f.tree.rootHash(otherSize).bytes();
        boolean genuine = same(MerkleTreeTest.bytes(f.tree.inclusionProof(index, otherSize).hashes()), nodes);
        if (!genuine) {
          assertThat(MerkleVerifier.verifyInclusion(index, otherSize, leaf, nodes, otherRoot))
              .as("size %d instead of %d", otherSize, size).isFalse();
        }
      }
    }
  }

  private static void consistency(int size2, Random random) {
    Fixture f = new Fixture(size2, random);
    byte[] root2 = f.tree.rootHash(size2).bytes();
    for (int round = 0; round < 4; round++) {
      long size1 = 1 + random.nextInt(size2 - 1);
      ConsistencyProof proof = f.tree.consistencyProof(size1, size2);
      byte[] root1 = f.tree.rootHash(size1).bytes();
      List<byte[]> nodes = MerkleTreeTest.bytes(proof.hashes());

      assertThat(MerkleVerifier.verifyConsistency(size1, size2, nodes, root1, root2)).isTrue();
      assertThat(MerkleVerifier.verifyConsistency(proof, Sha256Hash.of(root1), Sha256Hash.of(root2))).isTrue();

      for (List<byte[]> changed : changes(nodes, random)) {
        assertThat(MerkleVerifier.verifyConsistency(size1, size2, changed, root1, root2)).isFalse();
      }
      assertThat(MerkleVerifier.verifyConsistency(size1, size2, nodes, flip(root1, random), root2)).isFalse();
      assertThat(MerkleVerifier.verifyConsistency(size1, size2, nodes, root1, flip(root2, random))).isFalse();
      assertThat(MerkleVerifier.verifyConsistency(size1, size2, nodes, root2, root1)).isFalse();
      assertThat(MerkleVerifier.verifyConsistency(size2, size1, nodes, root2, root1)).isFalse();
      long[][] otherSizes = {{size1 - 1, size2}, {size1 + 1, size2}, {size1, size2 - 1}, {size1, size2 + 1},
          {size1 ^ 2, size2}, {size1 * 2, size2}, {size1, size2 / 2}, {0, size2}};
      for (long[] s : otherSizes) {
        if ((s[0] == size1 && s[1] == size2) || s[0] <= 0 || s[0] >= s[1]) {
          continue;
        }
        byte[] r1 = f.tree.rootHash(s[0]).bytes();
        byte[] r2 = f.tree.rootHash(s[1]).bytes();
        boolean genuine = same(MerkleTreeTest.bytes(f.tree.consistencyProof(s[0], s[1]).hashes()), nodes);
        if (!genuine) {
          assertThat(MerkleVerifier.verifyConsistency(s[0], s[1], nodes, r1, r2))
              .as("sizes %d, %d instead of %d, %d", s[0], s[1], size1, size2).isFalse();
        }
      }
    }
  }

  private static void checkSaysWhatFailed(int size, Random random) {
    Fixture f = new Fixture(size, random);
    long index = random.nextInt(size);
    List<byte[]> nodes = MerkleTreeTest.bytes(f.tree.inclusionProof(index, size).hashes());
    List<byte[]> shorter = nodes.subList(0, nodes.size() - 1);

    Assertions.assertThatThrownBy(() -> MerkleVerifier.checkInclusion(
            index, size, f.leaves.leafHash(index), shorter, f.tree.rootHash(size).bytes()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("needs " + nodes.size());
  }

  /** One bit flipped in each node in turn, every bit of one node, each node dropped, a node added anywhere, two swapped. */
  private static List<List<byte[]>> changes(List<byte[]> nodes, Random random) {
    List<List<byte[]>> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(replace(nodes, i, flip(nodes.get(i), random)));
      List<byte[]> dropped = new ArrayList<>(nodes);
      dropped.remove(i);
      out.add(dropped);
    }
    if (!nodes.isEmpty()) {
      int i = random.nextInt(nodes.size());
      for (int bit = 0; bit < 8 * MerkleHash.SIZE; bit++) {
        byte[] flipped = nodes.get(i).clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        out.add(replace(nodes, i, flipped));
      }
    }
    for (int i = 0; i <= nodes.size(); i++) {
      List<byte[]> added = new ArrayList<>(nodes);
      byte[] extra = new byte[MerkleHash.SIZE];
      random.nextBytes(extra);
      added.add(i, extra);
      out.add(added);
    }
    if (nodes.size() >= 2) {
      int i = random.nextInt(nodes.size() - 1);
      List<byte[]> swapped = new ArrayList<>(nodes);
      swapped.set(i, nodes.get(i + 1));
      swapped.set(i + 1, nodes.get(i));
      out.add(swapped);
    }
    return out;
  }

  private static boolean same(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<byte[]> replace(List<byte[]> nodes, int i, byte[] node) {
    List<byte[]> out = new ArrayList<>(nodes);
    out.set(i, node);
    return out;
  }

  private static byte[] flip(byte[] hash, Random random) {
    byte[] out = hash.clone();
    int bit = random.nextInt(8 * out.length);
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }

  private static final class Fixture {
    final InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    final MerkleTree tree;

    /** A tree of {@code 2 * size + 1} leaves, so that the roots of larger sizes are known too. */
    Fixture(int size, Random random) {
      MerkleTreeTest.randomLeaves(2 * size + 1, random).forEach(leaves::append);
      tree = new MerkleTree(leaves, 1 + random.nextInt(5));
    }
  }
}
