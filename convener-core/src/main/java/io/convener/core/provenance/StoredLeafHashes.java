package io.convener.core.provenance;

import io.convener.api.TenantId;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.merkle.LeafHashes;
import io.convener.spi.storage.ProvenanceStore;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The stored leaf hashes of a tenant's log, as a {@link MerkleTree} source. Reads ahead in blocks
 * of {@value #BLOCK}, since the tree reads mostly in order (filling its cache). Only called under
 * the tree's lock; {@link #size()} is safe from any thread.
 */
final class StoredLeafHashes implements LeafHashes {
  static final int BLOCK = 4096;

  private final ProvenanceStore store;
  private final TenantId tenant;
  private final LongSupplier size;
  private long blockStart = -1;
  private List<Sha256Hash> block = List.of();

  StoredLeafHashes(ProvenanceStore store, TenantId tenant, LongSupplier size) {
    this.store = store;
    this.tenant = tenant;
    this.size = size;
  }

  @Override
  public long size() {
    return size.getAsLong();
  }

  @Override
  public byte[] leafHash(long index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + size());
    }
    if (blockStart < 0 || index < blockStart || index >= blockStart + block.size()) {
      blockStart = index;
      block = store.leafHashes(tenant, index, (int) Math.min(BLOCK, size() - index));
    }
    return block.get((int) (index - blockStart)).bytes();
  }

  @Override
  public void leafHashes(long from, byte[][] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = leafHash(from + i);
    }
  }
}
