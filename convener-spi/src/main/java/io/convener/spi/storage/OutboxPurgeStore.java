package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.time.Instant;

/**
 * Retention of each tenant's notification outbox: deletes messages that are done (delivered, or
 * given up on) and older than a cutoff, with their per-channel deliveries. The newest message of
 * each recipient stays, so that sequence numbers never restart and a stream's {@code
 * Last-Event-ID} keeps its meaning. Dead letters are kept for operators. Implementations are
 * thread-safe, make each method one transaction, and throw {@link io.convener.api.StorageException}
 * when the store fails.
 */
public interface OutboxPurgeStore {
  /**
   * Deletes the tenant's done messages created before {@code before}, but never a recipient's
   * newest one.
   *
   * @return how many messages were deleted
   */
  long purgeDone(TenantId tenant, Instant before);
}
