package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.convener.api.AccessDeniedException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.StorageException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.pulse.PulseAggregator;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.PulseSeries;
import io.convener.api.pulse.PulseSettings;
import io.convener.api.pulse.RiskFlag;
import io.convener.api.pulse.RiskKind;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.api.pulse.Severity;
import io.convener.core.internal.degraded.LastKnown;
import io.convener.core.internal.feedback.FeedbackMarks;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.core.internal.telemetry.CacheStats;
import io.convener.core.internal.telemetry.Telemetry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pulse through the choke point: reads the tenant's {@link Rollups}, suppresses by {@link
 * ScopeIndex}, judges risks by {@link RiskRules}, names silent members only through the consent
 * gate, and keeps the last report of each question in a Caffeine cache, served marked stale when
 * the store fails. The scope indexes of all tenants share the {@link PulseMemory} budget. A risk flag
 * that is disputed, while the dispute holds, carries the dispute ids ({@link FeedbackMarks}).
 * Thread-safe.
 */
final class DefaultPulseAggregator implements PulseAggregator {
  static final String PULSE = "pulse.report";
  static final String SERIES = "pulse.series";
  static final String SCOPES = "pulse.scopes";
  static final String SETTINGS = "pulse.settings";
  static final String CONFIGURE = "pulse.configure";

  private final Gate gate;
  private final ConsentEngine consent;
  private final Rollups rollups;
  private final TenantSettings settings;
  private final RiskNotifier risks;
  private final WatchList watchers;
  private final Clock clock;
  private final FeedbackMarks feedback;
  private final Cache<TenantId, ScopeIndex> indexes;
  /** The index cache's figures: {@link #index} counts its own hits and misses, as compute() counts neither. */
  private final StatsCounter indexStats = new ConcurrentStatsCounter();
  private final Cache<Question, PulseReport> lastKnown = Caffeine.newBuilder().maximumSize(10_000).build();

  /** What a pulse read from the rollup: why the scope is suppressed, or its windows. */
  private record Read(Optional<String> suppressed, Optional<Windows> windows) {}

  /**
   * One pulse question, as the last-known cache keys it. A team lead's reports are kept per lead:
   * the check that the team is theirs needs the store, so a lead is served only a report they were
   * served before.
   */
  private record Question(TenantId tenant, PulseScope scope, Duration window, Optional<String> lead) {}

  @Inject
  DefaultPulseAggregator(Gate gate, ConsentEngine consent, Rollups rollups, TenantSettings settings,
      RiskNotifier risks, WatchList watchers, PulseMemory memory, FeedbackMarks feedback) {
    this.feedback = requireNonNull(feedback, "feedback");
    this.risks = requireNonNull(risks, "risks");
    this.watchers = requireNonNull(watchers, "watchers");
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
    this.rollups = requireNonNull(rollups, "rollups");
    this.settings = requireNonNull(settings, "settings");
    this.clock = Clock.systemUTC();
    this.indexes = Caffeine.newBuilder()
        .recordStats(() -> indexStats)
        .maximumWeight(memory.indexMembers())
        .<TenantId, ScopeIndex>weigher((t, index) -> index.weight())
        .executor(Runnable::run)
        .build();
  }

  @Override
  public PulseReport report(Principal principal, PulseRequest request) {
    requireNonNull(request, "request");
    return gate.invoke(principal, Invocation.of(PULSE, tenant -> reportFor(principal, tenant, request))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Map.of("scope", request.scope().wireName(), "asOf", request.asOf().toString(),
            "window", request.window().toString()))
        .generated(r -> List.of("pulse:" + request.scope().wireName()))
        .stamp(PulseReport::withProvenanceId)
        .notifies(r -> risks.drafts(principal.tenant(), r))
        .fallback(r -> r.stale().isPresent())
        .build());
  }

  @Override
  public PulseSeries series(Principal principal, PulseRequest last, int points, Duration step) {
    requireNonNull(last, "last");
    PulseSeries.check(points, step);
    List<PulseRequest> requests = new ArrayList<>(points);
    for (int i = points - 1; i >= 0; i--) {
      requests.add(new PulseRequest(last.scope(), last.asOf().minus(step.multipliedBy(i)), last.window()));
    }
    return gate.invoke(principal, Invocation.of(SERIES, tenant -> {
          List<PulseReport> reports = new ArrayList<>(points);
          for (PulseRequest r : requests) {
            reports.add(compute(principal, tenant, r));
          }
          return new PulseSeries(last.scope(), step, reports, OptionalLong.empty());
        })
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Map.of("scope", last.scope().wireName(), "asOf", last.asOf().toString(),
            "window", last.window().toString(), "points", points, "step", step.toString()))
        .generated(r -> List.of("pulse-series:" + last.scope().wireName() + ":" + points))
        .stamp(PulseSeries::withProvenanceId)
        .build());
  }

  private PulseReport reportFor(Principal principal, TenantId tenant, PulseRequest request) {
    boolean lead = !principal.has(Role.ADMIN) && !principal.has(Role.COMMUNITY_MANAGER);
    Question question = new Question(tenant, request.scope(), request.window(),
        lead ? Optional.of(principal.subject()) : Optional.empty());
    try {
      PulseReport report = compute(principal, tenant, request);
      lastKnown.put(question, report);
      return report;
    } catch (StorageException e) {
      PulseReport known = lastKnown.getIfPresent(question);
      if (known == null) {
        throw e;
      }
      return unnamed(known).asStale(LastKnown.CAUSE);
    }
  }

  /**
   * The report with its individual flags counted rather than named: a stale report must not name
   * anyone whose consent cannot be checked now, so each kind's named and counted flags become one
   * counted flag.
   */
  private static PulseReport unnamed(PulseReport report) {
    if (report.disclosures().isEmpty()) {
      return report;
    }
    List<RiskFlag> risks = new ArrayList<>();
    Map<RiskKind, Integer> counts = new LinkedHashMap<>();
    Map<RiskKind, RiskFlag> first = new LinkedHashMap<>();
    for (RiskFlag f : report.risks()) {
      if (f.kind().individual()) {
        counts.merge(f.kind(), f.count(), Integer::sum);
        first.putIfAbsent(f.kind(), f);
      } else {
        risks.add(f);
      }
    }
    counts.forEach((kind, n) -> risks.add(RiskFlag.counted(kind, first.get(kind).severity(),
        n + " member(s), named in the fresh report only with their consent", first.get(kind).at(), n)));
    return new PulseReport(report.scope(), report.asOf(), report.window(), report.computedAt(), report.suppressed(),
        report.metrics(), report.baseline(), risks, report.stale(), report.provenanceId());
  }

  private PulseReport compute(Principal principal, TenantId tenant, PulseRequest request) {
    PulseSettings s = settings.get(tenant);
    Instant computedAt = clock.instant();
    long needFrom = request.asOf().toEpochMilli() - 4 * request.window().toMillis();
    Read read = rollups.read(tenant, needFrom, rollup -> {
      checkLead(principal, request.scope(), rollup.members());
      ScopeIndex index = index(tenant, rollup, s.minGroupSize());
      Optional<String> suppressed = index.suppression(request.scope());
      if (suppressed.isPresent()) {
        return new Read(suppressed, Optional.empty());
      }
      ScopeMembers members = index.members(request.scope());
      if (Windows.tooSmall(members, request, s.minGroupSize())) {
        return new Read(Optional.of("fewer than " + s.minGroupSize() + " members in the window"), Optional.empty());
      }
      return new Read(suppressed, Optional.of(Windows.read(rollup, members, request, s.minGroupSize(),
          s.silentAfterEvents())));
    });
    if (read.suppressed().isPresent()) {
      return PulseReport.suppressed(request.scope(), request.asOf(), request.window(), computedAt,
          read.suppressed().get());
    }
    Windows w = read.windows().orElseThrow();
    List<RiskFlag> risks = new ArrayList<>(RiskRules.scopeFlags(s, w.figures(), w.now(), w.baseline(), request.asOf()));
    risks.addAll(silentFlags(tenant, w.silent(), s, request.asOf()));
    risks.sort(Comparator.comparing(RiskFlag::severity).reversed().thenComparing(RiskFlag::kind));
    return new PulseReport(request.scope(), request.asOf(), request.window(), computedAt, Optional.empty(),
        w.now(), w.baseline(), marked(tenant, request.scope(), risks), Optional.empty(), OptionalLong.empty());
  }

  /** The flags, each with the disputes of it that hold: by the member it names, or by the team of the scope. */
  private List<RiskFlag> marked(TenantId tenant, PulseScope scope, List<RiskFlag> flags) {
    FeedbackMarks.Disputes disputes = feedback.read(tenant);
    if (disputes.isEmpty()) {
      return flags;
    }
    Optional<TeamId> team = scope instanceof PulseScope.Team t ? Optional.of(t.team()) : Optional.empty();
    return flags.stream()
        .map(f -> f.withDisputes(f.member()
            .map(m -> disputes.memberRisk(f.kind(), m.value()))
            .orElseGet(() -> f.count() == 0 ? disputes.teamRisk(f.kind(), team) : List.of())))
        .toList();
  }

  /** One named flag per consenting silent member, one counted flag for the rest. */
  private List<RiskFlag> silentFlags(TenantId tenant, List<Windows.Silent> silent, PulseSettings s, Instant at) {
    if (silent.isEmpty()) {
      return List.of();
    }
    Map<MemberId, Long> baseline = new LinkedHashMap<>();
    silent.forEach(x -> baseline.put(x.member(), x.baselineEvents()));
    return consent.consistently(tenant, () -> {
      Disclosure<MemberId> d = consent.disclose(tenant, Purpose.PULSE_INDIVIDUAL, List.copyOf(baseline.keySet()));
      List<RiskFlag> flags = new ArrayList<>();
      for (Disclosed<MemberId> m : d.disclosed()) {
        flags.add(RiskFlag.named(RiskKind.SILENT_MEMBER, Severity.MEDIUM,
            baseline.get(m.value()) + " activity events in the baseline, none in the window (threshold "
                + s.silentAfterEvents() + ")", at, m));
      }
      if (d.withheld() > 0) {
        flags.add(RiskFlag.counted(RiskKind.SILENT_MEMBER, Severity.MEDIUM,
            d.withheld() + " member(s) without consent to be named were active in the baseline (at least "
                + s.silentAfterEvents() + " activity events) and are silent in the window", at, d.withheld()));
      }
      return flags;
    });
  }

  /** A team lead (who is neither admin nor community manager) sees only teams they belong to. */
  private static void checkLead(Principal principal, PulseScope scope, Map<MemberId, Member> members) {
    if (principal.has(Role.ADMIN) || principal.has(Role.COMMUNITY_MANAGER)) {
      return;
    }
    boolean ownTeam = scope instanceof PulseScope.Team t
        && Optional.ofNullable(members.get(MemberId.of(principal.subject())))
            .map(m -> m.teams().contains(t.team())).orElse(false);
    if (!ownTeam) {
      throw new AccessDeniedException("a team lead sees the pulse of their own teams only");
    }
  }

  private ScopeIndex index(TenantId tenant, TenantRollup rollup, int k) {
    return indexes.asMap().compute(tenant, (t, old) -> {
      if (old != null && old.isFor(rollup, k)) {
        indexStats.recordHits(1);
        return old;
      }
      indexStats.recordMisses(1);
      return ScopeIndex.of(rollup, k);
    });
  }

  /** Reports the index cache's hits and misses ({@link CacheStats#PULSE_INDEXES}) where telemetry is bound. */
  @com.google.inject.Inject(optional = true)
  void reportStats(Telemetry telemetry) {
    telemetry.cache(CacheStats.PULSE_INDEXES, indexes);
  }

  @Override
  public List<PulseScope> scopes(Principal principal) {
    return gate.invoke(principal, Invocation.of(SCOPES,
            tenant -> rollups.read(tenant, clock.millis() - 4 * PulseRequest.DEFAULT_WINDOW.toMillis(),
                r -> index(tenant, r, settings.get(tenant).minGroupSize()).scopes()))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .build());
  }

  @Override
  public PulseSettings settings(Principal principal) {
    return gate.invoke(principal, Invocation.of(SETTINGS, settings::get)
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .build());
  }

  @Override
  public PulseSettings configure(Principal principal, PulseSettings value) {
    requireNonNull(value, "settings");
    return gate.invoke(principal, Invocation.of(CONFIGURE, tenant -> settings.set(tenant, value))
        .roles(Role.ADMIN)
        .inputs(() -> Map.of("settings", value.toString()))
        .build());
  }

  @Override
  public List<ScopeWatchers> watchers(Principal principal) {
    return watchers.all(principal);
  }

  @Override
  public ScopeWatchers watchers(Principal principal, PulseScope scope) {
    return watchers.of(principal, scope);
  }

  @Override
  public ScopeWatchers watch(Principal principal, PulseScope scope, Collection<MemberId> members) {
    return watchers.watch(principal, scope, members);
  }

  @Override
  public ScopeWatchers unwatch(Principal principal, PulseScope scope, Collection<MemberId> members) {
    return watchers.unwatch(principal, scope, members);
  }
}
