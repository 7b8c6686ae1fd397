package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which events of a tenant to read: a half-open time range {@code [from, until)}, optionally
 * narrowed to some kinds and one actor. Immutable.
 *
 * @param from earliest instant included, or empty for the beginning of time
 * @param until first instant excluded, or empty for no end
 * @param kinds kinds to include; empty means every kind
 * @param actor only events by this member, or empty for everybody
 */
public record EventQuery(
    Optional<Instant> from, Optional<Instant> until, Set<EventKind> kinds, Optional<MemberId> actor) {

  /** Validates and copies. */
  public EventQuery {
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    kinds = Set.copyOf(requireNonNull(kinds, "kinds"));
    requireNonNull(actor, "actor");
    if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
      throw new IllegalArgumentException("until " + until.get() + " is before from " + from.get());
    }
  }

  /** Every event of the tenant. */
  public static EventQuery all() {
    return new EventQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty());
  }

  /** Events in {@code [from, until)}. */
  public static EventQuery between(Instant from, Instant until) {
    return new EventQuery(Optional.of(from), Optional.of(until), Set.of(), Optional.empty());
  }

  /** This query narrowed to the given kinds. */
  public EventQuery withKinds(Set<EventKind> kinds) {
    return new EventQuery(from, until, kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds), actor);
  }

  /** This query narrowed to events by one actor. */
  public EventQuery withActor(MemberId actor) {
    return new EventQuery(from, until, kinds, Optional.of(actor));
  }

  /** Whether an event at this instant, of this kind, by this actor matches. */
  public boolean matches(Instant at, EventKind kind, MemberId by) {
    return from.map(f -> !at.isBefore(f)).orElse(true)
        && until.map(u -> at.isBefore(u)).orElse(true)
        && (kinds.isEmpty() || kinds.contains(kind))
        && actor.map(by::equals).orElse(true);
  }
}
