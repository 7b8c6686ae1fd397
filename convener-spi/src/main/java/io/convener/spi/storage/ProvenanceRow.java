package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;

/**
 * A provenance entry as stored: the entry, the leaf hash written with it, and the root of the
 * tenant's Merkle tree right after it. A store keeps all three as given and returns them as stored,
 * so that verification can compare what it recomputes with what was written. Immutable.
 *
 * @param entry the entry
 * @param leafHash the RFC 9162 leaf hash of the entry's canonical form, as written
 * @param rootAfter the root of the tree of entries {@code 0..entry.sequence()}, as written
 */
public record ProvenanceRow(ProvenanceEntry entry, Sha256Hash leafHash, Sha256Hash rootAfter) {
  /** Checks that no component is null. */
  public ProvenanceRow {
    requireNonNull(entry, "entry");
    requireNonNull(leafHash, "leafHash");
    requireNonNull(rootAfter, "rootAfter");
  }

  /** The entry's sequence. */
  public long sequence() {
    return entry.sequence();
  }
}
