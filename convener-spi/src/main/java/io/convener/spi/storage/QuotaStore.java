package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Each tenant's rate-limit buckets, shared by every node on the store, as opaque states that the
 * rate limiter changes by compare and swap: it reads a bucket's state, computes the next one, and
 * writes it only if nobody wrote another meanwhile (else it reads again). A bucket is named within
 * its tenant; rows of one tenant are never visible to another. Implementations are thread-safe,
 * make each method one transaction, and throw {@link io.convener.api.StorageException} when the
 * store fails.
 */
public interface QuotaStore {
  /** The longest bucket name. */
  int MAX_BUCKET = 200;

  /** The bucket's state, or empty when the tenant has no such bucket (or it was purged). */
  Optional<byte[]> state(TenantId tenant, String bucket);

  /**
   * Writes the bucket's state if its stored state is still {@code expected} (empty: the bucket
   * must not exist yet).
   *
   * @param expiresAt when the bucket would be full again if nobody used it; a purge may delete it
   *     from then on
   * @return whether it was written
   */
  boolean compareAndSwap(TenantId tenant, String bucket, Optional<byte[]> expected, byte[] state, Instant expiresAt);

  /**
   * Deletes the tenant's buckets that expired at or before {@code now}.
   *
   * @return how many were deleted
   */
  long purgeExpired(TenantId tenant, Instant now);
}
