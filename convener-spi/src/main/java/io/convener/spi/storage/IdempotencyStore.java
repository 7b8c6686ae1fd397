package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.time.Instant;

/**
 * Each tenant's idempotency keys, shared by every node on the store: the first request with a key
 * claims it with a row that only one claim can create, and its result is kept under the key until
 * the row expires. Rows of one tenant are never visible to another. Implementations are
 * thread-safe, make each method one transaction, and throw {@link io.convener.api.StorageException}
 * when the store fails.
 */
public interface IdempotencyStore {
  /**
   * Claims a key: inserts {@code claim} (a running row) unless the tenant has a row of its scope,
   * and takes the existing row over when it has expired ({@code expiresAt} not after {@code
   * claim.claimedAt()}) or is running and was claimed at or before {@code staleBefore} (its node
   * died mid-request). Of concurrent claims on any node, exactly one wins.
   *
   * @return the row as it stands after the claim: the caller won when its {@code claimId} is {@code
   *     claim.claimId()}; else it is another claim's, running or kept
   * @throws IllegalArgumentException when {@code claim} is not running
   */
  IdempotencyRow claim(TenantId tenant, IdempotencyRow claim, Instant staleBefore);

  /**
   * Keeps a sealed result under the scope, if the row is still {@code claimId}'s.
   *
   * @return whether it was (false when another claim took the row over meanwhile)
   */
  boolean keep(TenantId tenant, String scope, String claimId, byte[] sealed);

  /**
   * Deletes the row of the scope, if it is still {@code claimId}'s, so that the key can be used
   * again.
   *
   * @return whether it was
   */
  boolean release(TenantId tenant, String scope, String claimId);

  /**
   * Deletes the tenant's rows that expired at or before {@code now}.
   *
   * @return how many rows were deleted
   */
  long purgeExpired(TenantId tenant, Instant now);
}
