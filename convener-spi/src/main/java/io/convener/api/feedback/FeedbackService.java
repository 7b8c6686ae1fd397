package io.convener.api.feedback;

import io.convener.api.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Feedback on results: agreements and disputes about champion recommendations, learning
 * attributions and risk flags, and the admins' review of disputes. Every call passes the choke
 * point (tenant, role, rate limit) and writes exactly one provenance entry, also when it is
 * refused. Feedback of one tenant never changes another tenant's results. Implementations are
 * thread-safe; no method returns null.
 *
 * <p>Who may give feedback: a {@code MEMBER} about a result that names them (their own ranking, the
 * credit they were given, a flag naming them); a {@code TEAM_LEAD} about a result that names a
 * member of a team they belong to, or a risk flag of such a team; a {@code COMMUNITY_MANAGER} or
 * {@code ADMIN} about any result of the tenant.
 */
public interface FeedbackService {
  /**
   * Records the principal's feedback.
   *
   * @param reason why, for people: at most {@link Feedback#MAX_REASON} characters, no control
   *     characters; a dispute needs one, an agreement may leave it empty
   * @return the feedback, with the reason as given
   * @throws io.convener.api.AccessDeniedException when the principal may not give feedback on the
   *     target
   * @throws io.convener.api.InvalidInputException when the reason is missing for a dispute, too
   *     long or not one line
   * @throws io.convener.api.NotFoundException when the target names a member, team or outcome the
   *     tenant does not have
   */
  Feedback give(Principal principal, FeedbackTarget target, Verdict verdict, String reason);

  /**
   * Accepts or rejects an open dispute. Role {@code ADMIN}, and never on feedback the admin gave
   * (separation of duties).
   *
   * @return the reviewed feedback
   * @throws io.convener.api.AccessDeniedException when the principal is no admin, or gave the
   *     feedback
   * @throws io.convener.api.InvalidInputException when there is no such feedback in the tenant, or
   *     it is not an open dispute
   */
  Feedback review(Principal principal, FeedbackId id, boolean accept);

  /**
   * The feedback the principal may see, newest first: all of it for {@code ADMIN}, {@code
   * COMMUNITY_MANAGER} and {@code COMPLIANCE_OFFICER}; their own for anybody else.
   *
   * @param status only feedback with this status, or all
   */
  List<Feedback> list(Principal principal, Optional<FeedbackStatus> status);

  /**
   * Feedback counts per team, by team id. Roles {@code ADMIN}, {@code COMMUNITY_MANAGER}; counts
   * name nobody.
   */
  List<TeamFeedback> rates(Principal principal);
}
