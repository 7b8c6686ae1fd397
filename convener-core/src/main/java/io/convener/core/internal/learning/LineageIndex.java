package io.convener.core.internal.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The events a batch of attributions reads, indexed: learning artifacts, applications and mentions
 * in time order, every event by id, and each member's teams. Built once per call from the event
 * store; events outside the scanned range that an explicit reference names are looked up on
 * demand. Not thread-safe; lives for one call.
 */
public final class LineageIndex {
  /** The kinds the lineage reads. */
  public static final Set<EventKind> KINDS = Set.of(EventKind.LEARNING, EventKind.APPLIED, EventKind.OUTCOME, EventKind.MENTION);

  private final Map<EventId, Event> byId = new HashMap<>();
  private final List<Event> learnings = new ArrayList<>();
  private final List<Event> applications = new ArrayList<>();
  private final List<Event> mentions = new ArrayList<>();
  private final List<Event> outcomes = new ArrayList<>();
  private final Map<MemberId, List<TeamId>> teams = new HashMap<>();
  /** For each event an outcome refers to, the first outcome that does. */
  private final Map<EventId, Event> firstReferrer = new HashMap<>();
  private final Function<EventId, Optional<Event>> lookup;

  /**
   * An empty index over the tenant's members.
   *
   * @param members the members, for their teams
   * @param lookup finds an event the scan did not see (an old artifact an explicit reference names)
   */
  public LineageIndex(Collection<Member> members, Function<EventId, Optional<Event>> lookup) {
    for (Member m : members) {
      teams.put(m.id(), m.teams());
    }
    this.lookup = lookup;
  }

  /** Takes one scanned event; events must come in time order. */
  public void add(Event e) {
    byId.put(e.id(), e);
    switch (e.kind()) {
      case LEARNING -> learnings.add(e);
      case APPLIED -> applications.add(e);
      case MENTION -> mentions.add(e);
      case OUTCOME -> {
        outcomes.add(e);
        e.refs().forEach(r -> firstReferrer.putIfAbsent(r, e));
      }
      default -> { }
    }
  }

  /** The event with this id, from the scan or the store. */
  Optional<Event> event(EventId id) {
    Event e = byId.get(id);
    if (e != null) {
      return Optional.of(e);
    }
    Optional<Event> found = lookup.apply(id);
    found.ifPresent(f -> byId.put(f.id(), f));
    return found;
  }

  /** The learning artifact with this id, if the id names one. */
  Optional<Event> learning(EventId id) {
    return event(id).filter(e -> e.kind() == EventKind.LEARNING);
  }

  /**
   * Whether an outcome other than {@code outcome}, reported no later than it, refers to the
   * application: it is then that outcome's explanation, already accounted for.
   */
  boolean claimedBefore(EventId application, Event outcome) {
    Event first = firstReferrer.get(application);
    return first != null && !first.id().equals(outcome.id()) && !first.at().isAfter(outcome.at());
  }

  /**
   * The team's last report of the same metric ({@code attrs.metric}, or none on both) before
   * {@code outcome}, no earlier than {@code from}, when both carry a numeric {@code attrs.value}.
   */
  Optional<Event> previousReport(Event outcome, Instant from) {
    if (outcome.team().isEmpty() || outcome.attrs().number("value").isEmpty()) {
      return Optional.empty();
    }
    for (int i = firstAtOrAfter(outcomes, outcome.at()) - 1; i >= 0 && !outcomes.get(i).at().isBefore(from); i--) {
      Event o = outcomes.get(i);
      if (o.team().equals(outcome.team()) && o.attrs().string("metric").equals(outcome.attrs().string("metric"))
          && o.attrs().number("value").isPresent()) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The teams a member belongs to (empty for an unknown member). */
  List<TeamId> teamsOf(MemberId member) {
    return teams.getOrDefault(member, List.of());
  }

  /** Learning artifacts in {@code [from, to]}, oldest first. */
  List<Event> learningsBetween(Instant from, Instant to) {
    return between(learnings, from, to);
  }

  /** Applications in {@code [from, to]}, oldest first. */
  List<Event> applicationsBetween(Instant from, Instant to) {
    return between(applications, from, to);
  }

  /** Mentions in {@code [from, to]}, oldest first. */
  List<Event> mentionsBetween(Instant from, Instant to) {
    return between(mentions, from, to);
  }

  /** The outcomes scanned, oldest first. */
  public List<Event> outcomes() {
    return List.copyOf(outcomes);
  }

  private static List<Event> between(List<Event> sorted, Instant from, Instant to) {
    int lo = firstAtOrAfter(sorted, from);
    List<Event> out = new ArrayList<>();
    for (int i = lo; i < sorted.size() && !sorted.get(i).at().isAfter(to); i++) {
      out.add(sorted.get(i));
    }
    return out;
  }

  private static int firstAtOrAfter(List<Event> sorted, Instant t) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).at().isBefore(t)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
