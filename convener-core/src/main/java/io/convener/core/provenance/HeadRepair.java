package io.convener.core.provenance;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the {@link Ledger} does when an append trips over rows stored beyond the head. Stateless. */
final class HeadRepair {
  private static final Logger LOG = LoggerFactory.getLogger(HeadRepair.class);

  private HeadRepair() {}

  /**
   * When rows are stored beyond the head (only tampering puts them there: {@code append} moves the
   * head with the rows), moves the head over every stored row so that appending can go on after
   * them, and verification goes on reporting them. Reads every stored leaf hash; only in that case.
   *
   * @return whether the head was moved
   * @throws IntegrityException when the stored rows have gaps, so no head can cover them
   */
  static boolean moveHeadOverRowsBeyond(ProvenanceStore store, Clock clock, TenantId tenant, long headSize) {
    if (store.range(tenant, headSize, 1).isEmpty()) {
      return false;
    }
    long rows = store.count(tenant);
    MerkleAccumulator rebuilt = new MerkleAccumulator();
    try {
      for (long from = 0; from < rows; from += StoredLeafHashes.BLOCK) {
        for (Sha256Hash leaf : store.leafHashes(tenant, from, (int) Math.min(StoredLeafHashes.BLOCK, rows - from))) {
          rebuilt.append(leaf.bytes());
        }
      }
    } catch (IndexOutOfBoundsException e) {
      throw new IntegrityException("the provenance log of tenant '" + tenant + "' has entries stored beyond its head ("
          + headSize + " entries) and gaps among them: it was tampered with and cannot be appended to; verify it", e);
    }
    LOG.warn("the provenance log of tenant '{}' had entries stored beyond its head ({} entries); appending after"
        + " entry {} now. Verify the log: it was written to behind Convener's back", tenant, headSize, rows - 1);
    Instant lastAt = clock.instant();
    store.moveHead(tenant, headSize,
        new ProvenanceHead(rebuilt.size(), rebuilt.rootHash(), rebuilt.frontier(), lastAt));
    return true;
  }
}
