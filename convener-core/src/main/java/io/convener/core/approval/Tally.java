package io.convener.core.approval;

import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.approval.ApprovalVote;
import io.convener.api.approval.ApprovalVote.Capacity;
import java.util.HashSet;
import java.util.Set;

/** Counts the votes of an approval against its rule snapshot. */
final class Tally {
  private Tally() {}

  /**
   * The status the votes give: {@code DENIED} after any deny; {@code APPROVED} when the subject
   * approved (where the rule asks) and the rule's number of distinct admins approved; otherwise
   * {@code PENDING}. Each admin counts once, however often they appear.
   */
  static ApprovalStatus of(Approval approval) {
    boolean subject = false;
    Set<String> admins = new HashSet<>();
    for (ApprovalVote v : approval.votes()) {
      if (!v.approve()) {
        return ApprovalStatus.DENIED;
      }
      if (v.capacity() == Capacity.SUBJECT) {
        subject = true;
      } else {
        admins.add(v.approver());
      }
    }
    boolean enough = (subject || !approval.subjectMustApprove()) && admins.size() >= approval.adminsRequired();
    return enough ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
  }
}
