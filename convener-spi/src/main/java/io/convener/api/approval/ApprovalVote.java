package io.convener.api.approval;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One approver's decision on an approval. Immutable and thread-safe.
 *
 * @param approver the principal subject who voted (for {@link Capacity#SUBJECT}, the member id)
 * @param capacity whether they voted as the data subject or as an admin
 * @param approve true to approve, false to deny
 * @param reason why, for people; may be empty, at most {@value #MAX_REASON} characters
 * @param at when the vote was cast
 */
public record ApprovalVote(String approver, Capacity capacity, boolean approve, String reason, Instant at) {
  /** Longest reason accepted. */
  public static final int MAX_REASON = 1000;

  /** In which right an approver votes. */
  public enum Capacity {
    /** The member whose data the approval is about. */
    SUBJECT,
    /** An admin of the tenant, where the policy asks for admins. */
    ADMIN
  }

  /** Validates. */
  public ApprovalVote {
    requireNonNull(approver, "approver");
    requireNonNull(capacity, "capacity");
    requireNonNull(reason, "reason");
    requireNonNull(at, "at");
    if (approver.isBlank()) {
      throw new IllegalArgumentException("approver must not be blank");
    }
    if (reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters");
    }
  }
}
