package io.convener.spi.storage;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Consent of a tenant: an append-only history of {@link ConsentRecord}s, a current-state
 * projection (each subject's latest record per purpose), the tenant's {@link ConsentPolicy}, and
 * the tenant's consent version, a counter raised by every change. Implementations are thread-safe
 * and throw {@link io.convener.api.StorageException} when the store fails.
 *
 * <p>The projection follows one rule: among a subject's records for a purpose, the one with the
 * latest {@code at} is current, and at equal instants the one appended last. So a record appended
 * out of order (older than the current one) goes into the history without changing the current
 * state.
 *
 * <p>The version is what lets a reader tell that nothing changed between two reads: {@link
 * #append} and {@link #setPolicy} raise it in the same transaction as their change, and {@link
 * #version} reads the committed value.
 */
public interface ConsentStore {
  /**
   * Appends the records to the history in the order given and updates the projection, all in one
   * transaction; raises the version by one per appended record. Idempotent by record id: a record
   * whose id the tenant already has (or that appeared earlier in the list) is left out and
   * reported, and the stored one is never changed.
   *
   * @throws IllegalArgumentException when a record belongs to another tenant
   */
  ConsentAppendResult append(TenantId tenant, List<ConsentRecord> records);

  /** The record with this id. */
  Optional<ConsentRecord> find(TenantId tenant, ConsentRecordId id);

  /** The subject's current record for the purpose (of any decision, expired or not). */
  Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose);

  /**
   * The current records for the purpose that grant and have not expired at {@code asOf}, ordered
   * by subject. The policy is not applied: that is the caller's part.
   */
  List<ConsentRecord> granted(TenantId tenant, Purpose purpose, Instant asOf);

  /** Every record of the subject, for every purpose, in the order appended. */
  List<ConsentRecord> history(TenantId tenant, MemberId subject);

  /** The policy the tenant set last, or empty if it never set one. */
  Optional<ConsentPolicy> policy(TenantId tenant);

  /**
   * Replaces the tenant's policy and raises the version by one, in one transaction.
   *
   * @return the version after the change
   */
  long setPolicy(TenantId tenant, ConsentPolicy policy);

  /** The tenant's consent version: 0 until its first change, then raised by every change. */
  long version(TenantId tenant);
}
