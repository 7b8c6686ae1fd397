package io.convener.api.approval;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.consent.Purpose;
import java.util.List;
import java.util.Optional;

/**
 * The approval workflow. Every call passes the choke point (tenant, role, rate limit) and writes
 * exactly one provenance entry, also when it is refused. A pending approval past its expiry is
 * {@link ApprovalStatus#EXPIRED}: it is marked so when it is next read or decided. Implementations
 * are thread-safe; no method returns null.
 *
 * @see ApprovalPolicy
 */
public interface ApprovalService {
  /**
   * Opens a pending approval under the {@link ApprovalPolicy} rule of the purpose, and notifies the
   * subject (a failed notification does not undo the request). Roles: {@code COMMUNITY_MANAGER},
   * {@code TEAM_LEAD}, {@code ADMIN}.
   *
   * @param subject the member whose data is asked for
   * @param purpose what it would be used for
   * @param scope what exactly is asked for, for people
   * @return the new approval
   * @throws io.convener.api.AccessDeniedException when the principal lacks the role
   * @throws IllegalArgumentException when the scope is blank or too long
   * @throws io.convener.api.NotFoundException when the subject is no member of the principal's tenant
   */
  Approval request(Principal principal, MemberId subject, Purpose purpose, String scope);

  /**
   * Casts the principal's vote. A {@code MEMBER} whose subject is the approval's subject votes as
   * the subject; an {@code ADMIN} votes as an admin, but never on a request they made (separation
   * of duties), and only once. Any deny makes it {@link ApprovalStatus#DENIED}; it is {@link
   * ApprovalStatus#APPROVED} once the subject approved (where the rule asks) and the rule's number of
   * distinct admins approved.
   *
   * @param reason why, for people; may be empty
   * @return the approval after the vote
   * @throws io.convener.api.AccessDeniedException when the principal may not decide this approval
   * @throws io.convener.api.InvalidInputException when there is no such approval in the principal's
   *     tenant, it is no longer pending (decided or expired), or the approver already voted
   */
  Approval decide(Principal principal, ApprovalId id, boolean approve, String reason);

  /**
   * The approvals the principal may see, newest first: every one for {@code ADMIN} and {@code
   * COMPLIANCE_OFFICER}, otherwise those the principal requested or is the subject of.
   *
   * @param status only approvals with this status (as of now), or every one
   */
  List<Approval> list(Principal principal, Optional<ApprovalStatus> status);

  /** The approval, when it exists in the principal's tenant and the principal may see it. */
  Optional<Approval> find(Principal principal, ApprovalId id);
}
