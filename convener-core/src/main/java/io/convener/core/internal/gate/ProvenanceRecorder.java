package io.convener.core.internal.gate;

import io.convener.api.TenantId;
import io.convener.spi.storage.OutboxRow;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Appends to a tenant's provenance log: the one write path of the log, used by the {@link Gate}
 * and by system components. Assigns each entry the next sequence and the time (never earlier than
 * the entry before), hashes its canonical form into the tenant's Merkle tree, and stores it with
 * its leaf hash and the new root. Thread-safe; appends of one tenant are serialised.
 */
public interface ProvenanceRecorder {
  /**
   * Appends one entry.
   *
   * @return its sequence, the entry's id
   * @throws io.convener.api.StorageException when the store fails; nothing is then appended
   */
  long record(TenantId tenant, EntryDraft draft);

  /**
   * Appends entries in one store transaction, in order: the batched path.
   *
   * @return their sequences, consecutive
   * @throws io.convener.api.StorageException when the store fails; nothing is then appended
   */
  List<Long> recordAll(TenantId tenant, List<EntryDraft> drafts);

  /**
   * Appends one entry and, in the same store transaction, the outbox rows {@code outbox} makes
   * from its sequence and time: the transactional outbox. Both commit, or neither does.
   *
   * @return the entry's sequence
   * @throws io.convener.api.StorageException when the store fails; nothing is then written
   * @throws UnsupportedOperationException when the recorder keeps no outbox (the default)
   */
  default long record(TenantId tenant, EntryDraft draft, BiFunction<Long, Instant, List<OutboxRow>> outbox) {
    throw new UnsupportedOperationException("this provenance recorder keeps no notification outbox");
  }

  /**
   * Runs {@code work} and appends the entry {@code draft} makes from its result in one store
   * transaction, when the store supports it ({@code ProvenanceStore.transactional}): the rows
   * {@code work} writes through the stores commit exactly when the entry that accounts for them
   * does. {@code work} may run more than once (when the store retries the transaction, or another
   * process appended first), so it must not have effects outside the stores. On a store that is
   * not transactional, runs {@code work} once, then appends, as {@link #record(TenantId,
   * EntryDraft)} does.
   *
   * @return the result of {@code work} and the sequence of its entry
   * @throws io.convener.api.StorageException when the store fails; nothing is then written (on a
   *     transactional store)
   */
  default <R> Recorded<R> recordWith(TenantId tenant, Supplier<R> work, Function<? super R, EntryDraft> draft) {
    R result = work.get();
    return new Recorded<>(result, record(tenant, draft.apply(result)));
  }

  /**
   * The result of work run by {@link #recordWith}, and the sequence of the entry that accounts
   * for it.
   *
   * @param <R> the type of the result
   * @param result what the work returned
   * @param sequence the entry's sequence
   */
  record Recorded<R>(R result, long sequence) {}
}
