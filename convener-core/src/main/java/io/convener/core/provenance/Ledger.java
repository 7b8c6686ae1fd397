package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.core.internal.merkle.MerkleTree;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.OutboxRow;
import io.convener.spi.storage.ProvenanceStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Appends to each tenant's provenance log. Per tenant it keeps, in memory, the Merkle frontier
 * and the time of the last entry, loaded from the stored head on first use; an append builds the
 * entries (next sequences, one time for the batch, never earlier than the last entry's), hashes
 * each canonical form, folds the leaf into a copy of the frontier to get the root after it, and
 * asks the store to append by compare-and-set on the head. When another process appended first,
 * it reloads the head and tries again. {@link #recordWith} does the same inside a store
 * transaction that also holds the rows the entry accounts for.
 *
 * <p>Appends of one tenant are serialised by a lock per tenant; tenants do not wait for each other
 * here (the store may still serialise writes). Also keeps, per tenant, a {@link MerkleTree} over
 * the stored leaf hashes for proofs. Thread-safe.
 */
final class Ledger implements ProvenanceRecorder {
  /** How often an append is tried when other processes keep appending first. */
  static final int MAX_ATTEMPTS = 20;

  private final ProvenanceStore store;
  private final Clock clock;
  private final Map<TenantId, TenantLog> logs = new ConcurrentHashMap<>();

  @Inject
  Ledger(ProvenanceStore store) {
    this(store, Clock.systemUTC());
  }

  Ledger(ProvenanceStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The in-memory state of one tenant's log. */
  private final class TenantLog {
    final ReentrantLock lock = new ReentrantLock();
    final TenantId tenant;
    @Nullable MerkleAccumulator frontier;
    Instant lastAt = Instant.EPOCH;
    volatile long size;
    @Nullable MerkleTree tree;

    TenantLog(TenantId tenant) {
      this.tenant = tenant;
    }

    void load() {
      ProvenanceHead head = store.head(tenant);
      frontier = MerkleAccumulator.restore(head.size(), head.frontier());
      lastAt = head.lastAt();
      if (head.size() < size) {
        tree = null; // the log shrank behind our back: cached subtrees may be stale
      }
      size = head.size();
    }

    /** Keeps the state after an append the store took. */
    void advance(PreparedAppend append) {
      frontier = append.next();
      lastAt = append.head().lastAt();
      size = append.next().size();
    }
  }

  private TenantLog log(TenantId tenant) {
    return logs.computeIfAbsent(requireNonNull(tenant, "tenant"), TenantLog::new);
  }

  @Override
  public long record(TenantId tenant, EntryDraft draft) {
    return recordAll(tenant, List.of(requireNonNull(draft, "draft"))).get(0);
  }

  @Override
  public List<Long> recordAll(TenantId tenant, List<EntryDraft> drafts) {
    return append(tenant, drafts, (seq, at) -> List.of());
  }

  @Override
  public long record(TenantId tenant, EntryDraft draft, BiFunction<Long, Instant, List<OutboxRow>> outbox) {
    requireNonNull(outbox, "outbox");
    return append(tenant, List.of(requireNonNull(draft, "draft")), outbox).get(0);
  }

  /** Appends the drafts and the outbox rows of the last one, made from its sequence and time. */
  private List<Long> append(
      TenantId tenant, List<EntryDraft> drafts, BiFunction<Long, Instant, List<OutboxRow>> outbox) {
    requireNonNull(drafts, "drafts");
    if (drafts.isEmpty()) {
      return List.of();
    }
    TenantLog log = log(tenant);
    log.lock.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        if (log.frontier == null || !covers(log.frontier, drafts)) {
          log.load();
        }
        PreparedAppend append = PreparedAppend.of(tenant, drafts, log.frontier, timeAfter(log));
        long size = append.expectedSize();
        boolean appended;
        try {
          appended = store.append(tenant, size, append.rows(), append.head(),
              outbox.apply(size + drafts.size() - 1, append.head().lastAt()));
        } catch (RuntimeException e) {
          log.frontier = null;
          if (attempt < MAX_ATTEMPTS && HeadRepair.moveHeadOverRowsBeyond(store, clock, tenant, size)) {
            continue;
          }
          throw e;
        }
        if (appended) {
          log.advance(append);
          return append.sequences();
        }
        log.frontier = null; // another process appended first: reload the head and try again
      }
      throw contention(tenant);
    } finally {
      log.lock.unlock();
    }
  }

  @Override
  public <R> Recorded<R> recordWith(TenantId tenant, Supplier<R> work, Function<? super R, EntryDraft> draft) {
    requireNonNull(work, "work");
    requireNonNull(draft, "draft");
    if (!store.transactional(tenant)) {
      R result = work.get();
      return new Recorded<>(result, record(tenant, requireNonNull(draft.apply(result), "draft")));
    }
    TenantLog log = log(tenant);
    log.lock.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        if (log.frontier == null) {
          log.load();
        }
        MerkleAccumulator current = log.frontier;
        Instant at = timeAfter(log);
        PreparedAppend[] made = new PreparedAppend[1];
        try {
          R result = store.inTransaction(tenant, () -> {
            R r = work.get();
            EntryDraft d = requireNonNull(draft.apply(r), "draft");
            if (!covers(current, List.of(d))) {
              throw new AppendedFirst(); // it names an entry another process appended: reload the head
            }
            made[0] = PreparedAppend.of(tenant, List.of(d), current, at);
            if (!store.append(tenant, current.size(), made[0].rows(), made[0].head(), List.of())) {
              throw new AppendedFirst();
            }
            return r;
          });
          log.advance(made[0]);
          return new Recorded<>(result, current.size());
        } catch (AppendedFirst e) {
          log.frontier = null; // another process appended first: roll back, reload the head, run again
        } catch (RuntimeException | Error e) {
          log.frontier = null;
          throw e;
        }
      }
      throw contention(tenant);
    } finally {
      log.lock.unlock();
    }
  }

  /**
   * Whether every entry the drafts name ({@code causedBy}, {@code replayOf}) is in the log as far as
   * {@code frontier} knows it. One that is not was appended by another process after this one last
   * read the head (a response node A kept and node B replays): the head is read again.
   */
  private static boolean covers(MerkleAccumulator frontier, List<EntryDraft> drafts) {
    for (EntryDraft d : drafts) {
      if (d.causedBy().orElse(-1) >= frontier.size() || d.replayOf().orElse(-1) >= frontier.size()) {
        return false;
      }
    }
    return true;
  }

    /** The time of the next entry: now, but never before the last entry's. */
  private Instant timeAfter(TenantLog log) {
    Instant now = clock.instant();
    return now.isBefore(log.lastAt) ? log.lastAt : now;
  }

  private static StorageException contention(TenantId tenant) {
    return new StorageException("could not append to the provenance log of tenant '" + tenant + "': other writers"
        + " appended first " + MAX_ATTEMPTS + " times", new IllegalStateException("append contention"));
  }

  /** Thrown inside a transaction to roll it back when another process appended first. */
  private static final class AppendedFirst extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AppendedFirst() {
      super("another writer appended first", null, false, false);
    }
  }

  /** Runs {@code work} while no append of this process can run for the tenant. */
  <R> R whileNotAppending(TenantId tenant, Supplier<R> work) {
    TenantLog log = log(tenant);
    log.lock.lock();
    try {
      return work.get();
    } finally {
      log.lock.unlock();
    }
  }

  /** The stored head of the tenant's log, read now. */
  ProvenanceHead head(TenantId tenant) {
    return store.head(tenant);
  }

  /**
   * Runs {@code work} with the tenant's Merkle tree over the stored leaf hashes, sized to the
   * stored head, while no append of this process can run for the tenant.
   */
  <R> R withTree(TenantId tenant, TreeWork<R> work) {
    TenantLog log = log(tenant);
    log.lock.lock();
    try {
      log.load();
      MerkleTree tree = log.tree;
      if (tree == null) {
        tree = new MerkleTree(new StoredLeafHashes(store, tenant, () -> log.size));
        log.tree = tree;
      }
      return work.apply(tree, log.size);
    } finally {
      log.lock.unlock();
    }
  }

  /** Work on a tenant's tree of {@code size} leaves. */
  interface TreeWork<R> {
    R apply(MerkleTree tree, long size);
  }
}
