package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.innovation.CandidateReport;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationRoi;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.ReplicationSuggestions;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.innovation.SuccessfulPattern;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.api.notify.NotificationDraft;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.SharingAgreementStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every call is one gated invocation with one provenance entry. A spread runs inside {@code
 * consent.consistently}, so a withdrawal that lands meanwhile is seen; its entry uses the
 * innovation's event and the rejected adoptions' events, and generates one {@code
 * prov:wasDerivedFrom(adoption, source)} per edge (naming both events; another tenant's only as
 * pseudonyms) and one {@code rejected(adoption): reason} per rejected adoption. Sharing agreements are an admin's to record. Thread-safe.
 */
final class DefaultInnovationSpread implements InnovationSpread {
  static final String SPREAD = "innovation.spread";
  static final String AGREE = "innovation.agree";
  static final String WITHDRAW = "innovation.withdraw";
  static final String AGREEMENTS = "innovation.agreements";
  static final String PUSH = "innovation.push";
  static final String CANDIDATES = "innovation.candidates";
  static final String CONFIRM = "innovation.confirm";
  static final String DETECTION_SETTINGS = "innovation.detection-settings";
  static final String SAVE_DETECTION_SETTINGS = "innovation.detection-settings.save";
  static final String SUGGEST = "innovation.suggest";
  static final String ROI = "innovation.roi";

  private final Gate gate;
  private final ConsentEngine consent;
  private final SharingAgreementStore agreements;
  private final SpreadComputation computation;
  private final PatternJudge judge;
  private final Detection detection;
  private final Replication replication;
  private final Roi roi;
  private final Clock clock = Clock.systemUTC();

  @Inject
  DefaultInnovationSpread(Gate gate, ConsentEngine consent, EventStore events, MemberStore members,
      SharingAgreementStore agreements, InnovationDetectionStore detections, Pseudonyms pseudonyms) {
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
    this.agreements = requireNonNull(agreements, "agreements");
    SpreadReader reader = new SpreadReader(events, members, detections);
    this.detection = new Detection(events, members, detections);
    this.computation = new SpreadComputation(reader, agreements, new SpreadAssembler(consent, pseudonyms));
    this.judge = new PatternJudge(reader, events, members, consent);
    this.replication = new Replication(reader, events, members);
    this.roi = new Roi(reader, events);
  }

  @Override
  public SpreadReport spread(Principal principal, EventId innovation, Duration exposureWindow) {
    requireNonNull(innovation, "innovation");
    requireNonNull(exposureWindow, "exposureWindow");
    if (exposureWindow.isNegative() || exposureWindow.isZero()) {
      throw new IllegalArgumentException("exposureWindow must be positive, got " + exposureWindow);
    }
    AtomicReference<SpreadComputation.Computed> done = new AtomicReference<>();
    return gate.invoke(principal, Invocation.of(SPREAD, tenant -> {
          SpreadComputation.Computed c =
              consent.consistently(tenant, () -> computation.compute(tenant, innovation, exposureWindow));
          done.set(c);
          return c.report();
        })
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Map.of("innovation", innovation.value(), "exposureWindow", exposureWindow.toString()))
        .used(() -> done.get() == null ? List.of("event:" + innovation.value()) : done.get().used())
        .generated(r -> done.get() == null ? List.of() : done.get().generated())
        .stamp(SpreadReport::withProvenanceId)
        .build());
  }

  @Override
  public SharingAgreement agree(Principal principal, SharingTerms terms) {
    requireNonNull(terms, "terms");
    return gate.invoke(principal, Invocation.of(AGREE, tenant -> {
          SharingAgreement a = new SharingAgreement(tenant, terms, principal.subject(), clock.instant());
          agreements.put(tenant, a);
          return a;
        })
        .roles(Role.ADMIN)
        .inputs(() -> Map.of("direction", terms.direction().name(), "counterpart", terms.counterpart().value()))
        .generated(a -> List.of(entity(terms)))
        .build());
  }

  @Override
  public boolean withdraw(Principal principal, SharingTerms terms) {
    requireNonNull(terms, "terms");
    return gate.invoke(principal, Invocation.of(WITHDRAW, tenant -> agreements.remove(tenant, terms))
        .roles(Role.ADMIN)
        .inputs(() -> Map.of("direction", terms.direction().name(), "counterpart", terms.counterpart().value()))
        .used(() -> List.of(entity(terms)))
        .build());
  }

  @Override
  public List<SharingAgreement> agreements(Principal principal) {
    return gate.invoke(principal, Invocation.of(AGREEMENTS, agreements::list)
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.COMPLIANCE_OFFICER)
        .build());
  }

  @Override
  public SuccessfulPattern pushIfSuccessful(Principal principal, EventId innovation) {
    requireNonNull(innovation, "innovation");
    List<NotificationDraft> sent = new ArrayList<>();
    return gate.invoke(principal, Invocation.of(PUSH, tenant -> {
          PatternJudge.Judged j = judge.judge(tenant, innovation, clock.instant());
          sent.addAll(j.notifications());
          return j.pattern();
        })
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .inputs(() -> Map.of("innovation", innovation.value()))
        .used(() -> List.of("event:" + innovation.value()))
        .generated(r -> sent.stream().map(n -> "notification:" + n.key()).toList())
        .notifies(r -> sent)
        .stamp(SuccessfulPattern::withProvenanceId)
        .build());
  }

  @Override
  public CandidateReport candidates(Principal principal, Duration window, Instant asOf) {
    positive(window);
    requireNonNull(asOf, "asOf");
    return gate.invoke(principal, Invocation.of(CANDIDATES, tenant -> detection.candidates(tenant, window, asOf))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Map.of("window", window.toString(), "asOf", asOf.toString()))
        .generated(r -> r.candidates().stream().map(c -> "innovation-candidate:" + c.tag()).toList())
        .stamp(CandidateReport::withProvenanceId)
        .build());
  }

  @Override
  public ConfirmedInnovation confirm(Principal principal, String tag, Duration window, Instant asOf) {
    requireNonNull(tag, "tag");
    positive(window);
    requireNonNull(asOf, "asOf");
    return gate.invoke(principal, Invocation.of(CONFIRM,
            tenant -> detection.confirm(tenant, principal.subject(), tag, window, asOf, clock.instant()))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
        .inputs(() -> Map.of("tag", tag, "window", window.toString(), "asOf", asOf.toString()))
        .generated(c -> List.of("innovation:" + c.innovation().value()))
        .stamp(ConfirmedInnovation::withProvenanceId)
        .build());
  }

  @Override
  public DetectionSettings detectionSettings(Principal principal) {
    return gate.invoke(principal, Invocation.of(DETECTION_SETTINGS, detection::settings)
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .build());
  }

  @Override
  public DetectionSettings saveDetectionSettings(Principal principal, DetectionSettings settings) {
    requireNonNull(settings, "settings");
    return gate.invoke(principal, Invocation.of(SAVE_DETECTION_SETTINGS, tenant -> detection.save(tenant, settings))
        .roles(Role.ADMIN)
        .inputs(() -> Map.of("minAdopters", settings.minAdopters(), "minTeams", settings.minTeams(),
            "originLead", settings.originLead().toString(), "originShare", settings.originShare()))
        .build());
  }

  @Override
  public ReplicationSuggestions suggest(Principal principal, EventId innovation, int limit, Instant asOf) {
    requireNonNull(innovation, "innovation");
    requireNonNull(asOf, "asOf");
    Replication.checkLimit(limit);
    return gate.invoke(principal, Invocation.of(SUGGEST, tenant -> replication.suggest(tenant, innovation, limit, asOf))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Map.of("innovation", innovation.value(), "limit", limit, "asOf", asOf.toString()))
        .used(() -> List.of("event:" + innovation.value()))
        .generated(r -> r.suggestions().stream()
            .map(s -> "replication-suggestion:" + innovation.value() + ":" + s.team().value()).toList())
        .stamp(ReplicationSuggestions::withProvenanceId)
        .build());
  }

  @Override
  public InnovationRoi roi(Principal principal, EventId innovation, Optional<String> outcome, Duration before,
      Duration after) {
    requireNonNull(innovation, "innovation");
    requireNonNull(outcome, "outcome");
    for (Map.Entry<String, Duration> w : Map.of("before", before, "after", after).entrySet()) {
      if (w.getValue().isNegative() || w.getValue().isZero()) {
        throw new IllegalArgumentException(w.getKey() + " must be positive, got " + w.getValue());
      }
    }
    return gate.invoke(principal, Invocation.of(ROI, tenant -> roi.roi(tenant, innovation, outcome, before, after))
        .roles(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD)
        .inputs(() -> Map.of("innovation", innovation.value(), "outcome", outcome.orElse(""),
            "before", before.toString(), "after", after.toString()))
        .used(() -> List.of("event:" + innovation.value()))
        .generated(r -> List.of("innovation-roi:" + innovation.value()))
        .stamp(InnovationRoi::withProvenanceId)
        .build());
  }

  private static void positive(Duration window) {
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
  }

  private static String entity(SharingTerms terms) {
    return "sharing-agreement:" + terms.direction().name() + ":" + terms.counterpart().value();
  }
}
