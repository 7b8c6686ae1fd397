package io.convener.spi.signal;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.List;

/**
 * One event of the window, as champion discovery holds it: a collaboration event ({@code
 * message}, {@code reply}, {@code mention}, {@code reaction}, {@code endorsement}, {@code
 * meeting}, {@code review}) or a {@code learning} event. Its {@code team}, {@code refs} and
 * {@code attrs} are not kept in memory; a signal that needs them reads them from its own source.
 *
 * @param id the event id
 * @param kind the kind
 * @param actor who acted
 * @param targets who was acted upon, in the event's order
 * @param at when
 * @param weight the event's weight ({@code > 0})
 * @param tags its tags
 */
public record WindowEvent(
    EventId id, EventKind kind, MemberId actor, List<MemberId> targets, Instant at, double weight, List<String> tags) {
  /** Validates and copies. */
  public WindowEvent {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(actor, "actor");
    targets = List.copyOf(targets);
    requireNonNull(at, "at");
    tags = List.copyOf(tags);
  }
}
