package io.convener.core.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.MemberId;
import io.convener.api.NotFoundException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.PlanRequest;
import io.convener.api.learning.Recommendation;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.MembershipPeriod;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes learning plans ({@link io.convener.api.learning.LearningCatalyst#plan}): reads the evidence
 * ({@link PlanEvidence}), ranks ({@link PlanRanking}) and names people only with their consent for
 * {@code learning.attribution}: the member a plan is for (without it, no plan), the appliers of
 * each artifact (the others are counted), the recipients of the notification. Every call passes the
 * choke point (activity {@value #PLAN}, one provenance entry, notifications committed with it).
 * Computed on each call from the event store; keeps no state. Thread-safe.
 */
final class LearningPlanner {
  static final String PLAN = "learning.plan";
  private static final Purpose PURPOSE = Purpose.LEARNING_ATTRIBUTION;

  private final Gate gate;
  private final ConsentEngine consent;
  private final EventStore events;
  private final MemberStore members;
  private final Optional<MembershipHistoryStore> history;

  @Inject
  LearningPlanner(Gate gate, ConsentEngine consent, EventStore events, MemberStore members,
      Optional<MembershipHistoryStore> history) {
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
    this.history = requireNonNull(history, "history");
  }

  LearningPlan plan(Principal principal, PlanRequest request) {
    requireNonNull(request, "request");
    String subject = request.member().map(m -> "member:" + m.value())
        .orElseGet(() -> "team:" + request.team().orElseThrow().value());
    Invocation.Builder<PlanCall> call = Invocation.<PlanCall>of(PLAN, tenant -> compute(tenant, request))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .inputs(() -> inputs(request))
        .used(() -> List.of(subject))
        .generated(c -> c.plan().recommendations().stream()
            .map(r -> "learning-plan:" + subject + ":" + r.artifact().value()).toList())
        .stamp(PlanCall::withProvenanceId);
    if (request.deliver()) {
      call.notifies(PlanNotifier::drafts);
    }
    return gate.invoke(principal, call.build()).plan();
  }

  private static Map<String, Object> inputs(PlanRequest request) {
    Map<String, Object> in = new LinkedHashMap<>();
    request.member().ifPresent(m -> in.put("member", m.value()));
    request.team().ifPresent(t -> in.put("team", t.value()));
    in.put("planTags", request.planTags());
    in.put("limit", request.limit());
    in.put("window", request.window().toString());
    in.put("asOf", request.asOf().toString());
    in.put("deliver", request.deliver());
    return in;
  }

  private PlanCall compute(TenantId tenant, PlanRequest request) {
    List<Member> scope = scope(tenant, request);
    Set<MemberId> ids = new LinkedHashSet<>();
    scope.forEach(m -> ids.add(m.id()));
    Optional<TeamId> team = request.team();
    Predicate<Event> ours = e -> ids.contains(e.actor()) || (team.isPresent() && e.team().equals(team));
    PlanEvidence evidence = PlanEvidence.read(events, tenant, request.asOf(), request.asOf().minus(request.window()),
        ours, request.member());
    scope.forEach(m -> m.skills().forEach(s -> evidence.workTags.merge(s, 1, Integer::sum)));
    List<PlanRanking.Ranked> ranked = PlanRanking.rank(evidence, request.planTags(), request.limit());
    return consent.consistently(tenant, () -> disclose(tenant, request, ids, evidence, ranked));
  }

  /**
   * The members the plan is for: the one member, or the team's members at the plan's {@code asOf}
   * (history-true where the store keeps membership periods: a member who left the team before
   * {@code asOf} is not in it, one who joined after is not yet).
   */
  private List<Member> scope(TenantId tenant, PlanRequest request) {
    if (request.member().isPresent()) {
      MemberId id = request.member().get();
      return List.of(members.find(tenant, id).orElseThrow(() ->
          new NotFoundException("member", "tenant " + tenant.value() + " has no member '" + id.value() + "'")));
    }
    TeamId team = request.team().orElseThrow();
    Map<MemberId, List<TeamId>> teamsAt = teamsAt(tenant, request.asOf());
    List<Member> in = members.list(tenant).stream()
        .filter(m -> teamsAt.getOrDefault(m.id(), m.teams()).contains(team)).toList();
    if (in.isEmpty()) {
      throw new NotFoundException("team", "tenant " + tenant.value() + " has no team '" + team.value() + "'");
    }
    return in;
  }

  /** Each member with a membership history: their teams at {@code at} (none before their first period). */
  private Map<MemberId, List<TeamId>> teamsAt(TenantId tenant, Instant at) {
    Map<MemberId, List<TeamId>> teams = new HashMap<>();
    if (history.isEmpty()) {
      return teams;
    }
    long millis = at.toEpochMilli();
    for (MembershipPeriod p : history.get().periods(tenant)) {
      if (p.fromMillis() <= millis) {
        teams.put(p.member(), p.teams()); // oldest first: the last one that started wins
      } else {
        teams.putIfAbsent(p.member(), List.of());
      }
    }
    return teams;
  }

  private PlanCall disclose(TenantId tenant, PlanRequest request, Set<MemberId> scope, PlanEvidence evidence,
      List<PlanRanking.Ranked> ranked) {
    Optional<Disclosed<MemberId>> member = Optional.empty();
    if (request.member().isPresent()) {
      MemberId id = request.member().get();
      member = consent.disclose(tenant, PURPOSE, List.of(id)).disclosed().stream().findFirst();
      if (member.isEmpty()) {
        throw new AccessDeniedException("member '" + id.value() + "' does not consent to " + PURPOSE.name()
            + ": no learning plan is made for them");
      }
    }
    Set<MemberId> appliers = new LinkedHashSet<>();
    ranked.forEach(r -> appliers.addAll(r.appliers()));
    Map<MemberId, Disclosed<MemberId>> named = new HashMap<>();
    consent.disclose(tenant, PURPOSE, List.copyOf(appliers)).disclosed().forEach(d -> named.put(d.value(), d));
    List<Recommendation> recommendations = new ArrayList<>();
    for (PlanRanking.Ranked r : ranked) {
      List<Disclosed<MemberId>> who = r.appliers().stream().map(named::get).filter(d -> d != null).toList();
      recommendations.add(new Recommendation(r.artifact(), r.score(), r.matched(), r.planned(), r.appliers().size(),
          who, r.outcomes()));
    }
    List<Disclosed<MemberId>> recipients = List.of();
    if (request.deliver() && !recommendations.isEmpty()) {
      recipients = member.map(List::of)
          .orElseGet(() -> consent.disclose(tenant, PURPOSE, List.copyOf(scope)).disclosed());
    }
    return new PlanCall(new LearningPlan(member, request.team(), request.asOf(), request.window(),
        workTags(evidence.workTags), request.planTags(), recommendations, recipients.size(), LearningPlan.UNSTAMPED),
        recipients);
  }

  /** The ten most frequent tags of the recent work, ties in first-seen order. */
  private static List<String> workTags(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed())
        .limit(10).map(Map.Entry::getKey).toList();
  }
}
