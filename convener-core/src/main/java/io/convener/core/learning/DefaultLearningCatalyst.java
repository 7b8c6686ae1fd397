package io.convener.core.learning;

import static java.util.Objects.requireNonNull;

import io.convener.core.internal.learning.CreditModels;
import io.convener.core.internal.learning.Lineage;
import io.convener.core.internal.learning.LineageIndex;
import io.convener.core.internal.learning.Touch;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.learning.Contribution;
import io.convener.api.learning.Evidence;
import io.convener.api.learning.LearningCatalyst;
import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.PlanRequest;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.pulse.Staleness;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.degraded.LastKnown;
import io.convener.core.internal.feedback.FeedbackMarks;
import io.convener.core.internal.degraded.Rechecked;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the lineage from the event store on each call (only the last result is kept, as the fallback
 * for a store failure), finds each
 * outcome's touches ({@link Lineage}), splits the credit ({@link CreditModels}), sums it per
 * author, and names the authors who consent to {@code learning.attribution}; the others' credit is
 * reported as withheld, never redistributed. The call passes the choke point (one provenance
 * entry, whose sequence every attribution carries), which commits the notifications of the named
 * contributors to the outbox with that entry ({@link AttributionNotifier}). While the store fails,
 * the last attributions computed for the same request are served, marked stale and naming only the
 * contributors whose consent the engine still confirms ({@link LastKnown}, {@link Rechecked}). A
 * contribution whose credit is disputed, while the dispute holds, carries the dispute ids ({@link
 * FeedbackMarks}). Thread-safe.
 */
final class DefaultLearningCatalyst implements LearningCatalyst {
  static final String ATTRIBUTE = "learning.attribute";

  private final Gate gate;
  private final ConsentEngine consent;
  private final EventStore events;
  private final MemberStore members;
  private final FeedbackMarks feedback;
  private final LearningPlanner planner;
  /** The last attributions of each request, served stale while the store fails (degraded mode). */
  private final LastKnown<Question, List<Attribution>> lastKnown = new LastKnown<>(1_000, Clock.systemUTC());

  /** One attribution question, as the last-known cache keys it: results do not differ by viewer. */
  private record Question(TenantId tenant, AttributionRequest request) {}

  @Inject
  DefaultLearningCatalyst(
      Gate gate, ConsentEngine consent, EventStore events, MemberStore members, FeedbackMarks feedback,
      LearningPlanner planner) {
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
    this.feedback = requireNonNull(feedback, "feedback");
    this.planner = requireNonNull(planner, "planner");
  }

  @Override
  public LearningPlan plan(Principal principal, PlanRequest request) {
    return planner.plan(principal, request);
  }

  @Override
  public List<Attribution> attribute(Principal principal, AttributionRequest request) {
    requireNonNull(request, "request");
    List<Attribution> result = gate.invoke(principal,
        Invocation.<List<Attribution>>of(ATTRIBUTE, tenant -> lastKnown.get(new Question(tenant, request),
                () -> compute(tenant, request), (known, why) -> stale(tenant, known, why)))
            .fallback(r -> r.stream().anyMatch(a -> a.stale().isPresent()))
            .roles(Role.ADMIN, Role.COMMUNITY_MANAGER)
            .inputs(() -> inputs(request))
            .used(() -> request.outcome().map(id -> List.of("event:" + id.value())).orElse(List.of()))
            .generated(r -> r.stream().filter(Attribution::attributed).map(a -> "attribution:" + a.outcome().value()).toList())
            .stamp((r, sequence) -> r.stream().map(a -> a.withProvenanceId(sequence)).toList())
            .notifies(AttributionNotifier::attributed)
            .build());
    return result;
  }

  /** The last known attributions, naming only the contributors whose consent is confirmed now. */
  private List<Attribution> stale(TenantId tenant, List<Attribution> known, Staleness why) {
    return known.stream()
        .map(a -> a.asStale(Rechecked.confirmed(consent, tenant, a.contributors(), c -> List.of(c.member())), why))
        .toList();
  }

  private static Map<String, Object> inputs(AttributionRequest request) {
    Map<String, Object> in = new LinkedHashMap<>();
    request.outcome().ifPresent(id -> in.put("outcome", id.value()));
    request.from().ifPresent(t -> in.put("from", t.toString()));
    request.until().ifPresent(t -> in.put("until", t.toString()));
    in.put("model", request.model().wireName());
    if (request.model() instanceof AttributionModel.TimeDecay decay) {
      in.put("halfLife", decay.halfLife().toString());
    }
    return in;
  }

  private List<Attribution> compute(TenantId tenant, AttributionRequest request) {
    LineageIndex index = new LineageIndex(members.list(tenant), id -> events.find(tenant, id));
    List<Event> outcomes;
    if (request.outcome().isPresent()) {
      Event outcome = outcome(tenant, request.outcome().get());
      scan(tenant, index, Optional.of(outcome.at().minus(Lineage.LOOKBACK)), Optional.of(outcome.at().plusNanos(1)));
      outcomes = List.of(outcome);
    } else {
      scan(tenant, index, request.from().map(f -> f.minus(Lineage.LOOKBACK)), request.until());
      outcomes = index.outcomes().stream()
          .filter(o -> request.from().map(f -> !o.at().isBefore(f)).orElse(true))
          .toList();
    }
    List<Raw> raw = new ArrayList<>();
    for (Event outcome : outcomes) {
      raw.add(credit(index, outcome, request));
    }
    return consent.consistently(tenant, () -> disclose(tenant, raw, request));
  }

  private Event outcome(TenantId tenant, EventId id) {
    Event e = events.find(tenant, id)
        .orElseThrow(() -> new InvalidInputException("outcome", "no event '" + id.value() + "' in the tenant"));
    if (e.kind() != EventKind.OUTCOME) {
      throw new InvalidInputException("outcome",
          "event '" + id.value() + "' is a '" + e.kind().wireName() + "' event, not an outcome");
    }
    return e;
  }

  private void scan(TenantId tenant, LineageIndex index, Optional<Instant> from, Optional<Instant> until) {
    EventQuery query = new EventQuery(from, until, LineageIndex.KINDS, Optional.empty());
    events.scan(tenant, query, index::add);
  }

  /** One outcome's credit per author, before consent: author → share and evidence. */
  private record Raw(EventId outcome, Map<MemberId, Double> shares, Map<MemberId, List<Evidence>> evidence) {}

  private static Raw credit(LineageIndex index, Event outcome, AttributionRequest request) {
    List<Touch> touches = Lineage.touches(index, outcome);
    double[] shares = CreditModels.split(request.model(), touches, outcome.at());
    Map<MemberId, Double> byAuthor = new LinkedHashMap<>();
    Map<MemberId, List<Evidence>> evidence = new HashMap<>();
    for (int i = 0; i < touches.size(); i++) {
      Touch t = touches.get(i);
      byAuthor.merge(t.author(), shares[i], Double::sum);
      evidence.computeIfAbsent(t.author(), a -> new ArrayList<>()).addAll(t.evidence());
    }
    return new Raw(outcome.id(), byAuthor, evidence);
  }

  private List<Attribution> disclose(TenantId tenant, List<Raw> raw, AttributionRequest request) {
    LinkedHashSet<MemberId> authors = new LinkedHashSet<>();
    raw.forEach(r -> authors.addAll(r.shares().keySet()));
    Map<MemberId, Disclosed<MemberId>> named = new HashMap<>();
    for (Disclosed<MemberId> d : consent.disclose(tenant, Purpose.LEARNING_ATTRIBUTION, List.copyOf(authors)).disclosed()) {
      named.put(d.value(), d);
    }
    FeedbackMarks.Disputes disputes = feedback.read(tenant);
    List<Attribution> out = new ArrayList<>(raw.size());
    for (Raw r : raw) {
      List<Contribution> contributors = new ArrayList<>();
      int withheld = 0;
      double withheldShare = 0;
      for (Map.Entry<MemberId, Double> e : r.shares().entrySet()) {
        if (e.getValue() <= 0) {
          continue; // a candidate the model gave nothing is not a contributor
        }
        Disclosed<MemberId> d = named.get(e.getKey());
        if (d == null) {
          withheld++;
          withheldShare += e.getValue();
        } else {
          contributors.add(new Contribution(d, clamp(e.getValue()), r.evidence().get(e.getKey()),
              disputes.attribution(r.outcome(), e.getKey())));
        }
      }
      contributors.sort(Comparator.comparingDouble(Contribution::share).reversed()
          .thenComparing(c -> c.member().value()));
      out.add(new Attribution(r.outcome(), request.model(), contributors, withheld, clamp(withheldShare),
          Attribution.UNSTAMPED));
    }
    return out;
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }
}
