package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Upkeep of each tenant's notification outbox: how far delivery lags, and retention. The purge
 * deletes messages that are done (delivered, or given up on) and older than a cutoff, with their
 * per-channel deliveries; the newest message of each recipient stays, so that sequence numbers never
 * restart and a stream's {@code Last-Event-ID} keeps its meaning. Dead letters are kept for
 * operators. Implementations are thread-safe, make each method one transaction, and throw {@link
 * io.convener.api.StorageException} when the store fails.
 */
public interface OutboxUpkeepStore {
  /**
   * The tenant's messages not yet done (queued, or sent and awaiting a channel).
   *
   * @param messages how many
   * @param oldest when the oldest of them was created; empty when there are none
   */
  record Backlog(long messages, Optional<Instant> oldest) {
    /** No backlog. */
    public static final Backlog NONE = new Backlog(0, Optional.empty());
  }

  /** The tenant's backlog. */
  Backlog backlog(TenantId tenant);

  /**
   * Deletes the tenant's done messages created before {@code before}, but never a recipient's
   * newest one.
   *
   * @return how many messages were deleted
   */
  long purgeDone(TenantId tenant, Instant before);
}
