package io.convener.api.approval;

/** Where an approval stands. Every status but {@link #PENDING} is final. */
public enum ApprovalStatus {
  /** Waiting for the votes the policy asks for. */
  PENDING,
  /** Every vote the policy asks for approved. */
  APPROVED,
  /** Somebody entitled to decide denied it. */
  DENIED,
  /** Its time ran out while it was pending. */
  EXPIRED;

  /** Whether the status is final: anything but {@link #PENDING}. */
  public boolean isFinal() {
    return this != PENDING;
  }
}
