package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries ready to append after a log of {@code expectedSize} entries: each draft placed at the
 * next sequence with one time, hashed, and folded into a copy of the frontier; the rows carry
 * the root after each entry, and the head the root after the last. Computing it changes nothing:
 * the {@link Ledger} keeps {@link #next} as its frontier only once the store took the rows.
 *
 * @param expectedSize the size of the log the rows follow
 * @param rows the rows to store, in order
 * @param head the head after them
 * @param next the frontier after them
 * @param sequences the sequences of the rows
 */
record PreparedAppend(
    long expectedSize, List<ProvenanceRow> rows, ProvenanceHead head, MerkleAccumulator next, List<Long> sequences) {

  /** Places {@code drafts} after the log whose frontier is {@code current}, at time {@code at}. */
  static PreparedAppend of(TenantId tenant, List<EntryDraft> drafts, MerkleAccumulator current, Instant at) {
    long size = current.size();
    MerkleAccumulator next = MerkleAccumulator.restore(size, current.frontier());
    List<ProvenanceRow> rows = new ArrayList<>(drafts.size());
    List<Long> sequences = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      ProvenanceEntry entry = entry(tenant, size + i, at, requireNonNull(drafts.get(i), "drafts[" + i + "]"));
      Sha256Hash leaf = CanonicalEntry.leafHash(entry);
      next.append(leaf.bytes());
      rows.add(new ProvenanceRow(entry, leaf, next.rootHash()));
      sequences.add(size + i);
    }
    ProvenanceHead head = new ProvenanceHead(next.size(), rows.get(rows.size() - 1).rootAfter(), next.frontier(), at);
    return new PreparedAppend(size, List.copyOf(rows), head, next, List.copyOf(sequences));
  }

  private static ProvenanceEntry entry(TenantId tenant, long sequence, Instant at, EntryDraft d) {
    return ProvenanceEntry.builder()
        .tenant(tenant)
        .sequence(sequence)
        .at(at)
        .agent(d.agent())
        .activity(d.activity())
        .used(d.used())
        .generated(d.generated())
        .inputDigest(d.inputDigest())
        .outcome(d.outcome())
        .causedBy(d.causedBy())
        .replayOf(d.replayOf())
        .build();
  }
}
