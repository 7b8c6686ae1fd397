package io.convener.testing.synthetic;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event planned but not yet produced. Drafts wait in time order; a draft gets its id only when
 * it is produced, so ids rise with time, and its {@code refs} point at drafts that are produced
 * earlier (they are strictly earlier in time, or equal in time and planned first). Not thread-safe;
 * not API.
 */
final class Draft {
  /** Time order; ties go to the draft planned first. */
  static final Comparator<Draft> ORDER = (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq);

  private static final int[] NO_TARGETS = new int[0];
  private static final Draft[] NO_REFS = new Draft[0];

  final long at;
  final long seq;
  final EventKind kind;
  final int actor;
  int[] targets = NO_TARGETS;
  int team = -1;
  double weight = 1.0;
  double sentiment = Double.NaN;
  Draft[] refs = NO_REFS;
  List<String> tags = List.of();
  Map<String, Object> attrs = Map.of();
  @Nullable EventId id;

  Draft(long at, long seq, EventKind kind, int actor) {
    this.at = at;
    this.seq = seq;
    this.kind = kind;
    this.actor = actor;
  }

  /** The event, with the given id; afterwards the draft keeps only what later drafts may read. */
  Event produce(EventId eventId, Blueprint bp) {
    this.id = eventId;
    Event.Builder b = Event.builder(eventId, Instant.ofEpochSecond(at), kind, bp.ids[actor]);
    if (targets.length > 0) {
      List<MemberId> list = new ArrayList<>(targets.length);
      for (int t : targets) {
        list.add(bp.ids[t]);
      }
      b.targets(list);
    }
    if (team >= 0) {
      b.team(bp.teamIds[team]);
    }
    b.weight(weight);
    if (!Double.isNaN(sentiment)) {
      b.sentiment(sentiment);
    }
    if (refs.length > 0) {
      List<EventId> list = new ArrayList<>(refs.length);
      for (Draft r : refs) {
        list.add(r.requireId());
      }
      b.refs(list);
    }
    Event event = b.tags(tags).attrs(Attrs.of(attrs)).build();
    refs = NO_REFS;
    attrs = Map.of();
    return event;
  }

  EventId requireId() {
    EventId known = id;
    if (known == null) {
      throw new IllegalStateException("draft " + seq + " referenced before it was produced");
    }
    return known;
  }
}
