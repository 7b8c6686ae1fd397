package io.convener.api.pulse;

import io.convener.api.Principal;
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
  PulseReport pulse(Principal principal, PulseRequest request);

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
}
