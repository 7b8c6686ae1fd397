package io.convener.core.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.NotFoundException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Who may give feedback on what, and whether the target exists in the tenant. An {@code ADMIN} or
 * {@code COMMUNITY_MANAGER} may give it on any result; a {@code MEMBER} on results that name them;
 * a {@code TEAM_LEAD} on results that name a member of a team the lead belongs to, or on a risk flag
 * raised for such a team. A principal with several roles may do what any of them allows.
 * Thread-safe.
 */
final class FeedbackRights {
  private final MemberStore members;
  private final EventStore events;

  @Inject
  FeedbackRights(MemberStore members, EventStore events) {
    this.members = requireNonNull(members, "members");
    this.events = requireNonNull(events, "events");
  }

  /**
   * Checks that the target exists in the tenant and that the principal may give feedback on it.
   *
   * @throws NotFoundException when the member, team or outcome is not the tenant's
   * @throws AccessDeniedException when the principal may not give feedback on it
   */
  void check(Principal principal, TenantId tenant, FeedbackTarget target) {
    Optional<Member> subject = target.member().map(m -> members.find(tenant, m)
        .orElseThrow(() -> new NotFoundException("member", "no member '" + m.value() + "' in this tenant")));
    target.outcome().ifPresent(o -> checkOutcome(tenant, o));
    if (target.team().isPresent() && !teamExists(tenant, target.team().get())) {
      throw new NotFoundException("team", "no team '" + target.team().get().value() + "' in this tenant");
    }
    if (principal.has(Role.ADMIN) || principal.has(Role.COMMUNITY_MANAGER)) {
      return;
    }
    if (principal.has(Role.MEMBER) && subject.map(m -> m.id().value().equals(principal.subject())).orElse(false)) {
      return;
    }
    if (principal.has(Role.TEAM_LEAD) && leads(principal, tenant, subject, target.team())) {
      return;
    }
    throw new AccessDeniedException("a member may give feedback only on results that name them, a team lead on"
        + " results about members or risk flags of their teams");
  }

  private boolean leads(Principal principal, TenantId tenant, Optional<Member> subject, Optional<TeamId> team) {
    MemberId lead;
    try {
      lead = MemberId.of(principal.subject());
    } catch (IllegalArgumentException e) {
      return false;
    }
    List<TeamId> own = members.find(tenant, lead).map(Member::teams).orElse(List.of());
    List<TeamId> about = subject.map(Member::teams).orElseGet(() -> team.map(List::of).orElse(List.of()));
    return about.stream().anyMatch(own::contains);
  }

  private void checkOutcome(TenantId tenant, EventId outcome) {
    boolean isOutcome = events.find(tenant, outcome).map(e -> e.kind() == EventKind.OUTCOME).orElse(false);
    if (!isOutcome) {
      throw new NotFoundException("outcome", "no outcome event '" + outcome.value() + "' in this tenant");
    }
  }

  private boolean teamExists(TenantId tenant, TeamId team) {
    return members.listPseudonymous(tenant).stream().anyMatch(m -> m.teams().contains(team));
  }
}
