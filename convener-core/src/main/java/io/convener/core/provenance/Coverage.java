package io.convener.core.provenance;

import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.core.internal.provenance.BatchCounts;
import io.convener.spi.storage.StoredRows;
import java.util.Optional;

/**
 * The coverage check of verification: whether the log accounts for every row the tenant has
 * stored. While the verifier reads the log it adds up, over the entries with an {@code ok}
 * outcome, the members and events that each {@code ingest.batch} entry says its transaction added
 * ({@link BatchCounts}), and those that the summary of an {@code ingest} entry written before
 * batches had entries of their own states. Then the stored counts must match:
 *
 * <ul>
 *   <li>events: exactly as many as accounted for (events are never updated or deleted, and each
 *       is added by exactly one batch, whose entry commits with it);
 *   <li>members: no more than accounted for (a member is added by one batch; a summary of a log
 *       before batch entries counts upserts, so it can only count more);
 *   <li>outbox messages: each names, as {@code causedBy}, an entry of the log (the entry it was
 *       written with).
 * </ul>
 *
 * Not thread-safe: one per verification.
 */
final class Coverage {
  private long events;
  private long members;

  /** Adds what an entry of the log accounts for. */
  void add(ProvenanceEntry entry) {
    if (entry.outcome().status() != Outcome.Status.OK) {
      return;
    }
    if (entry.activity().equals(BatchCounts.ACTIVITY)) {
      for (String entity : entry.generated()) {
        BatchCounts.parse(entity).ifPresent(c -> {
          events += c.events();
          members += c.members();
        });
      }
    } else if (entry.activity().equals("ingest")) {
      BatchCounts.parseUnbatchedSummary(entry.used(), entry.generated()).ifPresent(c -> {
        members += c[0];
        events += c[1];
      });
    }
  }

  /** What is wrong with the stored rows against what the log accounts for; empty when covered. */
  Optional<String> problem(StoredRows stored) {
    if (stored.events() > events) {
      return Optional.of((stored.events() - events) + " stored events are covered by no entry: the tenant has "
          + stored.events() + " events, and the log's ingest entries account for " + events
          + ". They were written without the entry of their batch (by a crash of a version that logged only at"
          + " the end of a call, or behind Convener's back)");
    }
    if (stored.events() < events) {
      return Optional.of("the log's ingest entries account for " + events + " events, but the tenant has only "
          + stored.events() + ": events were deleted behind Convener's back");
    }
    if (stored.members() > members) {
      return Optional.of((stored.members() - members) + " stored members are covered by no entry: the tenant has "
          + stored.members() + " members, and the log's ingest entries account for " + members);
    }
    if (stored.outboxWithoutEntry() > 0) {
      return Optional.of(stored.outboxWithoutEntry() + " of the tenant's " + stored.outbox()
          + " outbox messages name no entry of the log as their cause");
    }
    return Optional.empty();
  }
}
