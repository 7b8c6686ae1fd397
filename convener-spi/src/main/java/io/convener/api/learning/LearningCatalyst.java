package io.convener.api.learning;

import io.convener.api.EventId;
import io.convener.api.Principal;
import java.util.List;

/**
 * Attributes outcomes to the people who originated the learning that led to them. For each {@code
 * outcome} event it builds the lineage graph learning → applied → outcome from the tenant's events:
 * explicit references first, then evidence (the applier's team, who reported the outcome, time
 * proximity, matching tags, mentions) where references are missing or incomplete; it splits the
 * credit with an {@link AttributionModel}, names contributors only with their consent for {@code
 * learning.attribution}, and tells each named contributor through the notification channels.
 * Every call passes the choke point and leaves one provenance entry, whose id every returned
 * attribution carries. Roles: ADMIN or COMMUNITY_MANAGER. Thread-safe.
 */
public interface LearningCatalyst {
  /**
   * The attributions the request asks for, in order of outcome time, then id.
   *
   * @throws io.convener.api.InvalidInputException (field {@code outcome}) when the request names
   *     an outcome the tenant does not have, or an event that is not an outcome
   * @throws io.convener.api.AccessDeniedException when the principal lacks the role
   */
  List<Attribution> attribute(Principal principal, AttributionRequest request);

  /** The attribution of one outcome, with the default model; see {@link #attribute(Principal, AttributionRequest)}. */
  default Attribution attribute(Principal principal, EventId outcome) {
    return attribute(principal, AttributionRequest.outcome(outcome)).get(0);
  }

  /**
   * A personalised learning plan: the artifacts whose tags match the recent work (and planned work)
   * of a member or a team, which they have not applied, ranked by the rarity of the matched tags
   * and by proof that the artifact helps (applications by others, outcomes naming them), each
   * explained. A member's plan needs the member's own consent for {@code learning.attribution}; a
   * team plan names nobody without that consent. With {@link PlanRequest#deliver()} the plan goes
   * as a {@code learning.plan} notification to the member, or to the team's consenting members.
   * One provenance entry ({@code learning.plan}). Roles: ADMIN or COMMUNITY_MANAGER.
   *
   * @throws io.convener.api.NotFoundException (field {@code member} or {@code team}) when the tenant
   *     has no such member or team
   * @throws io.convener.api.AccessDeniedException when the principal lacks the role, or the member
   *     does not consent to {@code learning.attribution}
   */
  LearningPlan plan(Principal principal, PlanRequest request);
}
