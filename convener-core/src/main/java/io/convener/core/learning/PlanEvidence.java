package io.convener.core.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a learning plan is made from, read from one tenant's event store before {@code asOf}: every
 * learning artifact (author and tags), who applied each (an {@code applied} event whose {@code refs}
 * name it), how many outcomes name it or one of its applications, and the tags of the plan
 * subject's own work in the window (every event kind). Not thread-safe; one per plan.
 */
final class PlanEvidence {
  /** One learning artifact. */
  record Artifact(EventId id, MemberId author, List<String> tags) {}

  private static final Set<EventKind> LINEAGE = Set.of(EventKind.LEARNING, EventKind.APPLIED, EventKind.OUTCOME);

  final Map<EventId, Artifact> artifacts = new LinkedHashMap<>();
  final Map<EventId, Set<MemberId>> appliers = new HashMap<>();
  final Map<EventId, Integer> outcomes = new HashMap<>();
  /** Tag → how many events of the subject's recent work carry it, in first-seen order. */
  final Map<String, Integer> workTags = new LinkedHashMap<>();
  /** Artifacts the subject applied (at any time before asOf) or wrote: never recommended. */
  final Set<EventId> known = new HashSet<>();

  private final Map<EventId, List<EventId>> applicationRefs = new HashMap<>();
  private final List<Event> outcomeEvents = new ArrayList<>();

  private PlanEvidence() {}

  /**
   * Reads the evidence.
   *
   * @param ours whether an event is the plan subject's own (by the member; for a team, by a member
   *     of it or declaring it)
   * @param actor the one actor whose events can be ours, for a member plan (narrows the scan)
   * @param windowStart the first instant of the window of recent work
   */
  static PlanEvidence read(EventStore events, TenantId tenant, Instant asOf, Instant windowStart,
      Predicate<Event> ours, Optional<MemberId> actor) {
    PlanEvidence e = new PlanEvidence();
    events.scan(tenant, new EventQuery(Optional.empty(), Optional.of(asOf), LINEAGE, Optional.empty()),
        ev -> e.lineage(ev, ours.test(ev)));
    e.resolveOutcomes();
    EventQuery window = EventQuery.between(windowStart, asOf);
    events.scan(tenant, actor.map(window::withActor).orElse(window), ev -> {
      if (ours.test(ev)) {
        ev.tags().forEach(t -> e.workTags.merge(t, 1, Integer::sum));
      }
    });
    return e;
  }

  private void lineage(Event ev, boolean ours) {
    switch (ev.kind()) {
      case LEARNING -> {
        artifacts.put(ev.id(), new Artifact(ev.id(), ev.actor(), ev.tags()));
        if (ours) {
          known.add(ev.id());
        }
      }
      case APPLIED -> {
        applicationRefs.put(ev.id(), ev.refs());
        for (EventId ref : ev.refs()) {
          appliers.computeIfAbsent(ref, r -> new HashSet<>()).add(ev.actor());
          if (ours) {
            known.add(ref);
          }
        }
      }
      default -> outcomeEvents.add(ev);
    }
  }

  /** Counts, per artifact, the outcomes that name it or an application of it (once per outcome). */
  private void resolveOutcomes() {
    for (Event o : outcomeEvents) {
      Set<EventId> named = new HashSet<>();
      for (EventId ref : o.refs()) {
        named.add(ref);
        named.addAll(applicationRefs.getOrDefault(ref, List.of()));
      }
      for (EventId a : named) {
        if (artifacts.containsKey(a)) {
          outcomes.merge(a, 1, Integer::sum);
        }
      }
    }
    outcomeEvents.clear();
  }
}
