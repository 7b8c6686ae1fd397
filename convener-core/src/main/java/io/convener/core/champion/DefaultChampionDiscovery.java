package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.MetricsQuery;
import io.convener.api.champion.MetricsReport;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkQuery;
import io.convener.api.TenantId;
import io.convener.api.champion.RankedMember;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.degraded.LastKnown;
import io.convener.core.internal.degraded.Rechecked;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Champion discovery behind the choke point: each call is one gated invocation (tenant, role,
 * rate limit, consent re-check, one provenance entry), computed inside {@link
 * ConsentEngine#consistently} so a consent change during the computation is seen. The entry's
 * inputs digest and its {@code used} ids record the window, filters, graph size, data watermark
 * and settings. While the store fails, a ranking is the last one computed for the same query, marked
 * stale and listing only the champions whose consent the engine still confirms ({@link LastKnown},
 * {@link Rechecked}). Thread-safe.
 */
final class DefaultChampionDiscovery implements ChampionDiscovery {
  static final String RANK = "champion.rank";
  static final String METRICS = "champion.metrics";
  static final String NETWORK = "champion.network";
  static final String COLLABORATORS = "champion.collaborators";
  static final String SETTINGS = "champion.settings";
  static final String CONFIGURE = "champion.configure";

  private final Gate gate;
  private final ConsentEngine consent;
  private final ChampionRanker ranker;
  private final MetricsLister metrics;
  private final CollaboratorFinder collaborators;
  private final NetworkLister network;
  private final SettingsRegistry registry;
  private final Clock clock;
  /** The last ranking of each query, served stale while the store fails (degraded mode). */
  private final LastKnown<Question, ChampionRanking> lastRankings;

  /** One ranking question, as the last-known cache keys it: rankings do not differ by viewer. */
  private record Question(TenantId tenant, ChampionQuery query) {}

  @Inject
  DefaultChampionDiscovery(Gate gate, ConsentEngine consent, ChampionRanker ranker, MetricsLister metrics,
      CollaboratorFinder collaborators, NetworkLister network, SettingsRegistry registry) {
    this(gate, consent, ranker, metrics, collaborators, network, registry, Clock.systemUTC());
  }

  DefaultChampionDiscovery(Gate gate, ConsentEngine consent, ChampionRanker ranker, MetricsLister metrics,
      CollaboratorFinder collaborators, NetworkLister network, SettingsRegistry registry, Clock clock) {
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
    this.ranker = requireNonNull(ranker, "ranker");
    this.metrics = requireNonNull(metrics, "metrics");
    this.collaborators = requireNonNull(collaborators, "collaborators");
    this.network = requireNonNull(network, "network");
    this.registry = requireNonNull(registry, "registry");
    this.clock = requireNonNull(clock, "clock");
    this.lastRankings = new LastKnown<>(1_000, clock);
  }

  @Override
  public ChampionRanking rank(Principal principal, ChampionQuery query) {
    requireNonNull(query, "query");
    Instant asOf = query.asOf().orElseGet(clock::instant);
    AtomicReference<ChampionRanking> out = new AtomicReference<>();
    return gate.invoke(principal, Invocation.of(RANK, tenant -> {
          ChampionRanking r = lastRankings.get(new Question(tenant, query), () -> {
            ChampionSettings settings = registry.get(tenant);
            return consent.consistently(tenant, () -> ranker.rank(tenant, query, asOf, settings));
          }, (known, why) -> known.asStale(
              Rechecked.confirmed(consent, tenant, known.champions(), RankedMember::disclosures), why));
          out.set(r);
          return r;
        })
        .fallback(r -> r.stale().isPresent())
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Inputs.ranking(query, asOf, out.get()))
        .used(() -> Inputs.used(asOf.minus(query.window()), asOf, out.get() == null ? null : out.get().graph(),
            Inputs.filters(query), out.get() == null ? null : out.get().settings()))
        .generated(r -> List.of("champion-ranking:" + r.champions().size()))
        .notifies(ChampionStatus::drafts)
        .stamp(ChampionRanking::withProvenanceId)
        .build());
  }

  @Override
  public MetricsReport metrics(Principal principal, MetricsQuery query) {
    requireNonNull(query, "query");
    Instant asOf = query.asOf().orElseGet(clock::instant);
    AtomicReference<MetricsReport> out = new AtomicReference<>();
    return gate.invoke(principal, Invocation.of(METRICS, tenant -> {
          MetricsReport r = consent.consistently(tenant, () -> metrics.list(tenant, asOf, query.window()));
          out.set(r);
          return r;
        })
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .inputs(() -> Inputs.metrics(query, asOf, out.get()))
        .used(() -> Inputs.used(asOf.minus(query.window()), asOf, out.get() == null ? null : out.get().graph(),
            "contract graph", null))
        .generated(r -> List.of("graph-metrics:" + r.members().size()))
        .stamp(MetricsReport::withProvenanceId)
        .build());
  }

  @Override
  public NetworkGraph network(Principal principal, NetworkQuery query) {
    requireNonNull(query, "query");
    Instant asOf = query.asOf().orElseGet(clock::instant);
    AtomicReference<NetworkGraph> out = new AtomicReference<>();
    return gate.invoke(principal, Invocation.of(NETWORK, tenant -> {
          ChampionSettings settings = registry.get(tenant);
          NetworkGraph r = consent.consistently(tenant, () -> network.list(tenant, asOf, query.window(), settings));
          out.set(r);
          return r;
        })
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .inputs(() -> Inputs.network(query, asOf, out.get()))
        .used(() -> Inputs.used(asOf.minus(query.window()), asOf, out.get() == null ? null : out.get().graph(),
            "contract graph; active members", null))
        .generated(r -> List.of("network:" + r.nodes().size() + " nodes, " + r.anonymous() + " anonymous"))
        .stamp(NetworkGraph::withProvenanceId)
        .build());
  }

  @Override
  public CollaboratorRecommendations collaborators(Principal principal, CollaboratorQuery query) {
    requireNonNull(query, "query");
    Instant asOf = query.asOf().orElseGet(clock::instant);
    AtomicReference<CollaboratorRecommendations> out = new AtomicReference<>();
    return gate.invoke(principal, Invocation.of(COLLABORATORS, tenant -> {
          ChampionSettings settings = registry.get(tenant);
          CollaboratorRecommendations r =
              consent.consistently(tenant, () -> collaborators.find(tenant, query, asOf, settings));
          out.set(r);
          return r;
        })
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Inputs.collaborators(query, asOf, out.get()))
        .used(() -> Inputs.used(asOf.minus(query.window()), asOf, out.get() == null ? null : out.get().graph(),
            "team=" + query.team().value() + ";skills=" + String.join(",", query.skills()), registry.peek(principal)))
        .generated(r -> List.of("collaborator-recommendations:" + r.recommendations().size()))
        .stamp(CollaboratorRecommendations::withProvenanceId)
        .build());
  }

  @Override
  public ChampionSettings settings(Principal principal) {
    return gate.invoke(principal, Invocation.of(SETTINGS, registry::get).roles(Role.values()).build());
  }

  @Override
  public ChampionSettings configure(Principal principal, ChampionSettings settings) {
    requireNonNull(settings, "settings");
    return gate.invoke(principal, Invocation.of(CONFIGURE, tenant -> {
          if (!principal.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an admin may change champion settings");
          }
          return registry.put(tenant, settings);
        })
        .roles(Role.ADMIN)
        .inputs(() -> Inputs.settings(settings))
        .build());
  }
}
