package io.convener.api.champion;

import io.convener.api.Principal;

/**
 * Finds a tenant's champions and connectors, lists raw graph metrics, and recommends
 * collaborators. Results reflect every event ingested before the call. Every call passes the choke
 * point and leaves one provenance entry whose inputs (window, filters, graph size, data watermark,
 * settings) reproduce the result; every person named has consented to {@code
 * champion.recommendation}, everybody else is counted. Thread-safe.
 */
public interface ChampionDiscovery {
  /**
   * The ranked champions and connectors. A team, cohort or org unit the tenant does not have
   * matches nobody. Roles: ADMIN, COMMUNITY_MANAGER, TEAM_LEAD.
   */
  ChampionRanking rank(Principal principal, ChampionQuery query);

  /** Raw per-member graph metrics of the contract's graph. Roles: ADMIN, COMMUNITY_MANAGER. */
  MetricsReport metrics(Principal principal, MetricsQuery query);

  /**
   * The window's interaction network for export: every member active in the window with PageRank,
   * betweenness, community and roles, and every directed edge with its weight. Members without
   * consent to {@code champion.recommendation} are anonymous nodes that keep their edges. Roles:
   * ADMIN, COMMUNITY_MANAGER.
   */
  NetworkGraph network(Principal principal, NetworkQuery query);

  /** Recommended collaborators for a team. Roles: ADMIN, COMMUNITY_MANAGER, TEAM_LEAD. */
  CollaboratorRecommendations collaborators(Principal principal, CollaboratorQuery query);

  /** The tenant's champion settings ({@link ChampionSettings#defaults()} until set). Roles: any. */
  ChampionSettings settings(Principal principal);

  /**
   * Replaces the tenant's champion settings; later calls use them. Roles: ADMIN.
   *
   * @return the settings now in force
   */
  ChampionSettings configure(Principal principal, ChampionSettings settings);
}
