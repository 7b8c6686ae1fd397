package io.convener.api.pulse;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The community pulse service. Every call passes the choke point (tenant, role, rate limit,
 * consent, one provenance entry). Results reflect every event ingested through this Convener
 * before the call; a report computed from the store's data that cannot be refreshed because the
 * store fails is served from the last known result, marked {@link PulseReport#stale() stale}.
 * Thread-safe; never returns null.
 */
public interface PulseAggregator {
  /**
   * The pulse of one scope.
   *
   * <p>Callers: {@code ADMIN} and {@code COMMUNITY_MANAGER} for any scope; {@code TEAM_LEAD} for
   * a team they are a member of.
   *
   * @throws io.convener.api.AccessDeniedException when the principal may not see the scope
   * @throws io.convener.api.StorageException when the store fails and no earlier result is known
   */
  PulseReport report(Principal principal, PulseRequest request);

  /**
   * The pulse of one scope at {@code points} consecutive instants {@code step} apart, the last at
   * {@code last.asOf()}, each over {@code last.window()}: oldest first, each point equal to what
   * {@link #report} gives at its {@code asOf} (suppression and risks judged per point). One pass of
   * the choke point and one provenance entry for the whole series; a trend tells nobody of risks,
   * so it notifies no watcher. Callers as for {@link #report}.
   *
   * @throws IllegalArgumentException when {@code points} or {@code step} is out of range ({@link
   *     PulseSeries#check}) or a point's {@code asOf} falls before the year 1800
   * @throws io.convener.api.AccessDeniedException when the principal may not see the scope
   */
  PulseSeries series(Principal principal, PulseRequest last, int points, Duration step);

  /**
   * Every scope the tenant has now: the tenant itself, each team, each cohort and each org unit
   * (with its ancestors), in that order, each group sorted. Callers: {@code ADMIN}, {@code
   * COMMUNITY_MANAGER}.
   */
  List<PulseScope> scopes(Principal principal);

  /** The tenant's thresholds: {@link PulseSettings#defaults()} until an admin sets others. */
  PulseSettings settings(Principal principal);

  /**
   * Replaces the tenant's thresholds; they apply from the next call.
   *
   * @throws io.convener.api.AccessDeniedException unless the principal is an {@code ADMIN}
   */
  PulseSettings configure(Principal principal, PulseSettings settings);

  /**
   * Every scope of the tenant that has watchers, in order of {@link PulseScope#wireName()}. The
   * default {@link io.convener.spi.notify.PulseWatchers} tells these members of their scope's
   * risks. Callers: {@code ADMIN}, {@code COMMUNITY_MANAGER}, {@code COMPLIANCE_OFFICER}.
   */
  List<ScopeWatchers> watchers(Principal principal);

  /** The watchers of one scope (none until an admin adds some). Callers as for {@link #watchers(Principal)}. */
  ScopeWatchers watchers(Principal principal, PulseScope scope);

  /**
   * Adds members to the watchers of a scope; adding a watcher again changes nothing. The scope
   * need not have members yet.
   *
   * @param members 1 to {@value #MAX_WATCHERS_PER_CALL} members of the tenant
   * @return the scope's watchers now
   * @throws io.convener.api.AccessDeniedException unless the principal is an {@code ADMIN}
   * @throws io.convener.api.InvalidInputException naming a member the tenant does not have
   */
  ScopeWatchers watch(Principal principal, PulseScope scope, Collection<MemberId> members);

  /**
   * Removes members from the watchers of a scope; removing one who is not a watcher changes nothing.
   *
   * @param members 1 to {@value #MAX_WATCHERS_PER_CALL} members
   * @return the scope's watchers now
   * @throws io.convener.api.AccessDeniedException unless the principal is an {@code ADMIN}
   */
  ScopeWatchers unwatch(Principal principal, PulseScope scope, Collection<MemberId> members);

  /** The most members one {@link #watch} or {@link #unwatch} call takes. */
  int MAX_WATCHERS_PER_CALL = 1000;
}
