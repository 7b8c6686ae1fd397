package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalId;
import io.convener.api.approval.ApprovalStatus;
import java.util.List;
import java.util.Optional;

/**
 * Approvals of a tenant with their votes. Implementations are thread-safe and throw {@link
 * io.convener.api.StorageException} when the store fails.
 */
public interface ApprovalStore {
  /**
   * Stores a new approval with its votes, in one transaction.
   *
   * @throws IllegalArgumentException when the approval belongs to another tenant
   * @throws io.convener.api.StorageException when the tenant already has an approval with its id
   */
  void insert(TenantId tenant, Approval approval);

  /** The approval with this id, with its votes oldest first. */
  Optional<Approval> find(TenantId tenant, ApprovalId id);

  /** The tenant's approvals (of one stored status, or all), newest first, each with its votes. */
  List<Approval> list(TenantId tenant, Optional<ApprovalStatus> status);

  /**
   * Replaces {@code expected} by {@code updated} when the stored approval still has the status and
   * the number of votes of {@code expected}: sets the status and appends the votes {@code updated}
   * has beyond those of {@code expected}, in one transaction. Votes are never changed or removed.
   *
   * @return true when written, false when the stored approval changed meanwhile (or is missing)
   * @throws IllegalArgumentException when the two are not the same approval of this tenant, or
   *     {@code updated} does not extend the votes of {@code expected}
   */
  boolean update(TenantId tenant, Approval expected, Approval updated);
}
