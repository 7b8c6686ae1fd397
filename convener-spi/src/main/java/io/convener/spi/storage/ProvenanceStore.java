package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.Sha256Hash;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The append-only provenance log of each tenant, stored as PROV-shaped rows (entries as
 * activities with their agent, entities used and generated), with the leaf hash and the root after
 * each entry, one head per tenant, the checkpoints signed so far, and the tenant's checkpoint
 * signing key. The store keeps what it is given exactly and checks nothing cryptographic: the
 * runtime hashes, and verification compares. Implementations are thread-safe, and throw {@link
 * io.convener.api.StorageException} when the store fails.
 */
public interface ProvenanceStore {
  /** The tenant's head; {@link ProvenanceHead#empty()} when it has no entries. */
  ProvenanceHead head(TenantId tenant);

  /**
   * Appends {@code rows}, whose sequences must run from {@code expectedSize} without gaps, and
   * replaces the head with {@code next}, in one transaction, but only if the stored head still has
   * {@code expectedSize} entries: the compare-and-set that makes appends of several processes
   * safe. Registers the tenant if needed.
   *
   * @return true when appended; false, with nothing written, when another writer appended first
   * @throws IllegalArgumentException when the sequences do not run from {@code expectedSize}, or
   *     {@code next.size()} is not {@code expectedSize + rows.size()}
   */
  boolean append(TenantId tenant, long expectedSize, List<ProvenanceRow> rows, ProvenanceHead next);

  /**
   * Like {@link #append(TenantId, long, List, ProvenanceHead)}, and writes {@code outbox} in the same
   * transaction: the transactional outbox, so a notification commits exactly when the entry of
   * the action that caused it does. A row whose key its recipient already has is skipped. The
   * default supports no outbox: a store that keeps notifications overrides it.
   *
   * @throws UnsupportedOperationException when {@code outbox} is not empty and the store keeps no outbox
   */
  default boolean append(
      TenantId tenant, long expectedSize, List<ProvenanceRow> rows, ProvenanceHead next, List<OutboxRow> outbox) {
    if (!outbox.isEmpty()) {
      throw new UnsupportedOperationException("this provenance store keeps no notification outbox");
    }
    return append(tenant, expectedSize, rows, next);
  }

  /**
   * Runs {@code work} in one transaction of the tenant's database, and commits it when {@code work}
   * returns: every write the storage SPI's stores make from this thread while {@code work} runs
   * (an {@link #append} included) joins that transaction, and a failure of {@code work} rolls all
   * of them back. This is how a long operation commits each batch of its rows together with the
   * provenance entry that accounts for them. Nested calls join the outer transaction. A store may
   * run {@code work} again from the start when the database reports a conflict with another
   * writer, so {@code work} must not have side effects outside the stores.
   *
   * <p>The default runs {@code work} without a transaction: a store that cannot make other stores'
   * writes atomic with its appends says so through {@link #transactional}.
   *
   * @throws io.convener.api.StorageException when the database fails; nothing of {@code work} is then committed
   */
  default <R> R inTransaction(TenantId tenant, Supplier<R> work) {
    return work.get();
  }

  /** Whether {@link #inTransaction} really makes the stores' writes for the tenant atomic with an append. */
  default boolean transactional(TenantId tenant) {
    return false;
  }

  /**
   * Counts the tenant's stored rows that the log must account for, for the coverage check of
   * verification; an outbox message counts as without entry when its {@code causedBy} names no
   * stored entry.
   *
   * @return the counts; empty when this store cannot count the other stores' rows (the default)
   */
  default Optional<StoredRows> storedRows(TenantId tenant) {
    return Optional.empty();
  }

  /**
   * Replaces the head with {@code next}, by the same compare-and-set as {@link #append}, without
   * writing entries: for a runtime that found rows stored beyond the head (written outside {@link
   * #append}, which only tampering does) and rebuilt the head over them, so that the log can still
   * be appended to while verification keeps reporting the tampered rows.
   *
   * @return true when moved; false when the stored head no longer has {@code expectedSize} entries
   */
  boolean moveHead(TenantId tenant, long expectedSize, ProvenanceHead next);

  /**
   * Up to {@code limit} stored rows with a sequence of at least {@code from}, by sequence, exactly
   * as stored (a gap in the sequences shows as one).
   */
  List<ProvenanceRow> range(TenantId tenant, long from, int limit);

  /** How many entry rows the tenant has (which, in an untouched log, is the head's size). */
  long count(TenantId tenant);

  /** One page of the entries that match {@code query}, by sequence, at most {@code query.limit()}. */
  List<ProvenanceRow> find(TenantId tenant, ProvenanceQuery query);

  /** The stored leaf hashes of the entries with sequences {@code from} to {@code from + count - 1}, in order. */
  List<Sha256Hash> leafHashes(TenantId tenant, long from, int count);

  /** Keeps a signed checkpoint of the tenant's log; saving the same one again changes nothing. */
  void saveCheckpoint(TenantId tenant, Checkpoint checkpoint);

  /** The checkpoints kept for the tenant, by tree size then time. */
  List<Checkpoint> checkpoints(TenantId tenant);

  /**
   * Up to {@code limit} of the checkpoints kept for the tenant that come after {@code after} in the
   * order they were signed (timestamp, then tree size). The default filters {@link
   * #checkpoints(TenantId)}; a store that keeps many overrides it with one query.
   */
  default List<Checkpoint> checkpointsAfter(TenantId tenant, CheckpointCursor after, int limit) {
    return checkpoints(tenant).stream()
        .filter(after::precedes)
        .sorted(Comparator.comparing(CheckpointCursor::of))
        .limit(limit)
        .toList();
  }

  /** The tenant's checkpoint signing key, if one was saved. */
  Optional<StoredSigningKey> signingKey(TenantId tenant);

  /**
   * Saves the tenant's checkpoint signing key unless it has one already.
   *
   * @return the key the tenant has now: {@code key}, or the one saved earlier
   */
  StoredSigningKey saveSigningKey(TenantId tenant, StoredSigningKey key);
}
