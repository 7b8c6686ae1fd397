package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

/**
 * Everything an outsider needs to check that one entry is in a tenant's log: the entry, its leaf
 * hash (SHA-256 of {@code 0x00} and the entry's canonical form), the RFC 9162 inclusion proof, and a
 * signed checkpoint of the tree the proof is for. Check the checkpoint's signature with the
 * tenant's verifier key, then the proof against {@code checkpoint.root()}. Immutable.
 *
 * @param entry the entry
 * @param leafHash the entry's leaf hash
 * @param proof the inclusion path of {@code entry.sequence()} in the tree of {@code checkpoint.treeSize()}
 * @param checkpoint the signed tree head the proof leads to
 */
public record EntryProof(ProvenanceEntry entry, Sha256Hash leafHash, InclusionProof proof, Checkpoint checkpoint) {
  /** Validates that the parts fit together. */
  public EntryProof {
    requireNonNull(entry, "entry");
    requireNonNull(leafHash, "leafHash");
    requireNonNull(proof, "proof");
    requireNonNull(checkpoint, "checkpoint");
    if (proof.leafIndex() != entry.sequence() || proof.treeSize() != checkpoint.treeSize()
        || !checkpoint.tenant().equals(entry.tenant())) {
      throw new IllegalArgumentException("the proof, the entry and the checkpoint do not fit together");
    }
  }
}
