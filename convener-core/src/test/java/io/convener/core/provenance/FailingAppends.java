package io.convener.core.provenance;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.Sha256Hash;
import io.convener.spi.storage.OutboxRow;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.StoredRows;
import io.convener.spi.storage.StoredSigningKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A provenance store that passes every call to another, except appends while {@link #failing} is set. */
final class FailingAppends implements ProvenanceStore {
  private final ProvenanceStore store;
  volatile boolean failing;

  FailingAppends(ProvenanceStore store) {
    this.store = store;
  }

  private void check() {
    if (failing) {
      throw new StorageException("the entry cannot be written (test)", new IllegalStateException("failing"));
    }
  }

  @Override
  public boolean append(TenantId tenant, long expectedSize, List<ProvenanceRow> rows, ProvenanceHead next) {
    check();
    return store.append(tenant, expectedSize, rows, next);
  }

  @Override
  public boolean append(
      TenantId tenant, long expectedSize, List<ProvenanceRow> rows, ProvenanceHead next, List<OutboxRow> outbox) {
    check();
    return store.append(tenant, expectedSize, rows, next, outbox);
  }

  @Override
  public <R> R inTransaction(TenantId tenant, Supplier<R> work) {
    return store.inTransaction(tenant, work);
  }

  @Override
  public boolean transactional(TenantId tenant) {
    return store.transactional(tenant);
  }

  @Override
  public Optional<StoredRows> storedRows(TenantId tenant) {
    return store.storedRows(tenant);
  }

  @Override
  public ProvenanceHead head(TenantId tenant) {
    return store.head(tenant);
  }

  @Override
  public boolean moveHead(TenantId tenant, long expectedSize, ProvenanceHead next) {
    return store.moveHead(tenant, expectedSize, next);
  }

  @Override
  public List<ProvenanceRow> range(TenantId tenant, long from, int limit) {
    return store.range(tenant, from, limit);
  }

  @Override
  public long count(TenantId tenant) {
    return store.count(tenant);
  }

  @Override
  public List<ProvenanceRow> find(TenantId tenant, ProvenanceQuery query) {
    return store.find(tenant, query);
  }

  @Override
  public List<Sha256Hash> leafHashes(TenantId tenant, long from, int count) {
    return store.leafHashes(tenant, from, count);
  }

  @Override
  public void saveCheckpoint(TenantId tenant, Checkpoint checkpoint) {
    store.saveCheckpoint(tenant, checkpoint);
  }

  @Override
  public List<Checkpoint> checkpoints(TenantId tenant) {
    return store.checkpoints(tenant);
  }

  @Override
  public Optional<StoredSigningKey> signingKey(TenantId tenant) {
    return store.signingKey(tenant);
  }

  @Override
  public StoredSigningKey saveSigningKey(TenantId tenant, StoredSigningKey key) {
    return store.saveSigningKey(tenant, key);
  }
}
