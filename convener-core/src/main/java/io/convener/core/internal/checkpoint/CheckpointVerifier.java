package io.convener.core.internal.checkpoint;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.merkle.MerkleHash;
import io.convener.core.internal.merkle.MerkleTree;
import io.convener.core.internal.merkle.MerkleVerifier;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * Checks checkpoints: that one was signed by a given key, and that the log a saved one committed to
 * is still the prefix of the log today, either against the log itself ({@link #checkPrefixOf}) or,
 * for an auditor without the log, through a consistency proof ({@link #checkConsistent}). Every
 * check throws an {@link IntegrityException} that says what failed. Stateless and thread-safe.
 */
public final class CheckpointVerifier {
  private CheckpointVerifier() {}

  /** Whether {@code checkpoint} carries a valid signature by {@code key}; see {@link #checkSignature}. */
  public static boolean verifySignature(Checkpoint checkpoint, PublicKey key) {
    try {
      checkSignature(checkpoint, key);
      return true;
    } catch (IntegrityException e) {
      return false;
    }
  }

  /**
   * Checks that {@code checkpoint} was signed by {@code key} under its key name: the key id must
   * be the one of this key and name, and the Ed25519 signature must verify over the note text.
   *
   * @throws IntegrityException if the key id or the signature does not match
   * @throws IllegalArgumentException if {@code key} is not an Ed25519 public key
   */
  public static void checkSignature(Checkpoint checkpoint, PublicKey key) {
    requireNonNull(checkpoint, "checkpoint");
    int expected = CheckpointSigner.keyId(checkpoint.keyName(), key);
    if (checkpoint.keyId() != expected) {
      throw new IntegrityException("checkpoint of " + checkpoint.head().origin() + " at size " + checkpoint.treeSize()
          + " names key " + checkpoint.keyName() + " with id " + checkpoint.keyIdHex()
          + ", but that key has id " + HexFormat.of().toHexDigits(expected) + ": signed by another key");
    }
    if (!Ed25519.verify(key, checkpoint.signedBytes(), checkpoint.signature())) {
      throw new IntegrityException("checkpoint of " + checkpoint.head().origin() + " at size " + checkpoint.treeSize()
          + ": the Ed25519 signature by " + checkpoint.keyName() + " does not verify");
    }
  }

  /**
   * Checks that the log in {@code tree} still begins with the entries {@code saved} committed to:
   * it has at least as many, and the root of its first {@code saved.treeSize()} is the saved root.
   * Does not check the signature; see {@link #checkSignature}. Give a tree built afresh over the
   * stored leaves, not one that cached them earlier.
   *
   * @throws IntegrityException if the log was cut short (a truncated tail) or its first entries no
   *     longer hash to the saved root (one was changed, deleted, inserted or moved)
   */
  public static void checkPrefixOf(Checkpoint saved, MerkleTree tree) {
    requireNonNull(saved, "saved");
    requireNonNull(tree, "tree");
    long size = tree.size();
    if (size < saved.treeSize()) {
      throw new IntegrityException("the log of " + saved.head().origin() + " has " + size
          + " entries, but the checkpoint of " + saved.timestamp() + " commits to " + saved.treeSize()
          + ": entries from index " + size + " on were removed");
    }
    Sha256Hash root = tree.rootHash(saved.treeSize());
    if (!root.equals(saved.root())) {
      throw new IntegrityException("the first " + saved.treeSize() + " entries of the log of "
          + saved.head().origin() + " no longer hash to the root of the checkpoint of " + saved.timestamp()
          + ": an entry among them was changed, deleted, inserted or moved");
    }
  }

  /**
   * Checks, without the log, that {@code current} extends {@code saved}: same tenant, no fewer
   * entries, and a consistency proof from the saved size to the current one that leads to both
   * roots. A saved checkpoint of size 0 needs no proof (any log extends the empty one) but must
   * have the empty tree's root. Does not check the signatures; see {@link #checkSignature}.
   *
   * @param proof the consistency proof from {@code saved.treeSize()} to {@code current.treeSize()}
   * @throws IntegrityException if the tenants differ, the log shrank, the proof is for other
   *     sizes, or it does not verify
   */
  public static void checkConsistent(Checkpoint saved, Checkpoint current, ConsistencyProof proof) {
    requireNonNull(saved, "saved");
    requireNonNull(current, "current");
    requireNonNull(proof, "proof");
    if (!saved.tenant().equals(current.tenant())) {
      throw new IntegrityException("checkpoints of two logs: " + saved.head().origin() + " and "
          + current.head().origin());
    }
    if (current.treeSize() < saved.treeSize()) {
      throw new IntegrityException("the log of " + saved.head().origin() + " shrank from " + saved.treeSize()
          + " entries to " + current.treeSize() + ": entries from index " + current.treeSize() + " on were removed");
    }
    if (saved.treeSize() == 0) {
      if (!saved.root().matches(MerkleHash.emptyRoot())) {
        throw new IntegrityException("checkpoint of " + saved.head().origin() + " at size 0 has a root other than the empty tree's");
      }
      return;
    }
    if (proof.size1() != saved.treeSize() || proof.size2() != current.treeSize()) {
      throw new IntegrityException("consistency proof is from " + proof.size1() + " to " + proof.size2()
          + ", the checkpoints are at " + saved.treeSize() + " and " + current.treeSize());
    }
    MerkleVerifier.checkConsistency(proof, saved.root(), current.root());
  }
}
