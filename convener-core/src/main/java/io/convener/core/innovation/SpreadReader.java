package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.MemberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one tenant's side of an innovation: its {@code innovation} event and the {@code adoption}
 * events whose {@code refs[0]} chain (see {@link RefChains}) reaches the innovation, with missing
 * teams filled from the adopter's
 * first team; and the collaborations the exposure rule needs. Reads only the tenant it is given.
 */
final class SpreadReader {
  private static final Set<EventKind> KINDS = EnumSet.of(EventKind.INNOVATION, EventKind.ADOPTION);
  private static final Set<EventKind> COLLABORATION = EnumSet.copyOf(
      Arrays.stream(EventKind.values()).filter(EventKind::isCollaboration).toList());

  /**
   * One tenant's innovation event (if it has it) and the adoptions whose {@code refs[0]} chain
   * reaches the id; {@code self} is where the chain of the id ends when the id is itself one of
   * the tenant's adoptions.
   */
  record Side(TenantId tenant, Optional<SpreadEvent> innovation, List<SpreadEvent> adoptions,
      Optional<RefChains.Trace> self) {}

  private final EventStore events;
  private final MemberStore members;
  private final InnovationDetectionStore detections;
  private final PracticeLineage practices;

  SpreadReader(EventStore events, MemberStore members, InnovationDetectionStore detections) {
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
    this.detections = requireNonNull(detections, "detections");
    this.practices = new PracticeLineage(events, members);
  }

  /**
   * The tenant's side of the innovation {@code id}: adoptions of the id, and adoptions of those
   * adoptions to any depth (each marked with the adoption it continues). Adoptions whose chain runs
   * into a cycle reach no innovation and are left out. When the id is a practice the tenant
   * confirmed (and no {@code innovation} event has it), the practice's first use is the innovation
   * and each other team's first use an adoption ({@link PracticeLineage}), beside any adoption
   * events of the id.
   */
  Side side(TenantId tenant, EventId id) {
    Map<EventId, Event> adoptionsById = new HashMap<>();
    Map<EventId, EventId> source = new HashMap<>();
    List<Event> innovations = new ArrayList<>();
    events.scan(tenant, EventQuery.all().withKinds(KINDS), e -> {
      if (e.kind() == EventKind.INNOVATION) {
        if (e.id().equals(id)) {
          innovations.add(e);
        }
      } else if (!e.refs().isEmpty()) {
        adoptionsById.put(e.id(), e);
        source.put(e.id(), e.refs().get(0));
      }
    });
    RefChains chains = new RefChains(source);
    Map<MemberId, Optional<TeamId>> teams = new HashMap<>();
    Optional<SpreadEvent> innovation = innovations.stream().findFirst().map(e -> read(tenant, e, teams));
    List<SpreadEvent> adoptions = new ArrayList<>();
    for (Event e : adoptionsById.values()) {
      if (chains.trace(e.id()) instanceof RefChains.Root r && r.root().equals(id)) {
        SpreadEvent s = read(tenant, e, teams);
        adoptions.add(r.hops() > 1 ? s.via(e.refs().get(0)) : s);
      }
    }
    if (innovation.isEmpty()) {
      Optional<PracticeLineage.Nodes> practice = detections.confirmed(tenant, id).flatMap(c -> practices.nodes(tenant, c));
      if (practice.isPresent()) {
        innovation = Optional.of(practice.get().root());
        Set<EventId> recorded = new HashSet<>();
        adoptions.forEach(a -> recorded.add(a.id()));
        practice.get().adoptions().stream().filter(a -> !recorded.contains(a.id())).forEach(adoptions::add);
      }
    }
    adoptions.sort(SpreadEvent.ORDER);
    Optional<RefChains.Trace> self = chains.isAdoption(id) ? Optional.of(chains.trace(id)) : Optional.empty();
    return new Side(tenant, innovation, List.copyOf(adoptions), self);
  }

  private SpreadEvent read(TenantId tenant, Event e, Map<MemberId, Optional<TeamId>> teams) {
    return SpreadEvent.of(tenant, e)
        .withTeam(e.team().isPresent() ? e.team() : teams.computeIfAbsent(e.actor(), m -> firstTeam(tenant, m)));
  }

  /**
   * The exposures of {@code adopters} to {@code holders} in the tenant's collaborations from
   * {@code window} before the first adoption to the last one.
   */
  ExposureIndex exposures(TenantId tenant, List<SpreadEvent> adoptions, Set<MemberId> holders, Duration window) {
    if (adoptions.isEmpty()) {
      return ExposureIndex.empty(tenant);
    }
    Instant from = adoptions.get(0).at();
    Instant until = from;
    Set<MemberId> adopters = new HashSet<>();
    for (SpreadEvent a : adoptions) {
      from = a.at().isBefore(from) ? a.at() : from;
      until = a.at().isAfter(until) ? a.at() : until;
      adopters.add(a.actor());
    }
    ExposureIndex.Builder b = new ExposureIndex.Builder(tenant, adopters, holders);
    events.scan(tenant, EventQuery.between(from.minus(window), until.plusNanos(1)).withKinds(COLLABORATION), b::accept);
    return b.build();
  }

  private Optional<TeamId> firstTeam(TenantId tenant, MemberId member) {
    return members.find(tenant, member).flatMap(m -> m.teams().stream().findFirst());
  }
}
