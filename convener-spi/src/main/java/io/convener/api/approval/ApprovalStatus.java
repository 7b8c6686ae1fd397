package io.convener.api.approval;

/**
 * Where an approval stands. Every status but {@link #PENDING} is final for decisions; an {@link
 * #APPROVED} one still becomes {@link #LAPSED} when its permission ends.
 */
public enum ApprovalStatus {
  /** Waiting for the votes the policy asks for. */
  PENDING,
  /** Every vote the policy asks for approved. */
  APPROVED,
  /** Somebody entitled to decide denied it. */
  DENIED,
  /** Its time ran out while it was pending. */
  EXPIRED,
  /**
   * It was approved, and the permission it granted its requester ended at its expiry instant: the
   * requester may no longer use the subject's data for its purpose.
   */
  LAPSED;

  /** Whether the status is final: anything but {@link #PENDING}. */
  public boolean isFinal() {
    return this != PENDING;
  }
}
