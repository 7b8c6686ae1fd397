package io.convener.core.champion;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.spi.signal.WindowEvent;
import io.convener.spi.signal.WindowEvents;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events of a request's snapshot in {@code [from, until)}, for plugin signals: one pass over
 * the columns per {@link #forEach}, building each {@link WindowEvent} as it goes (nothing is
 * copied up front). The window's size is counted once, on first use. Not for concurrent use by
 * several threads (a signal gets its own instance per request).
 */
final class SnapshotWindowEvents implements WindowEvents {
  private final EventColumns.View events;
  private final Roster.View roster;
  private final long from;
  private final long until;
  private int size = -1;
  /** The interned tag lists as immutable lists, made on first use (shared by every event that has them). */
  private final List<?>[] tagLists;

  SnapshotWindowEvents(EventColumns.View events, Roster.View roster, long from, long until) {
    this.events = events;
    this.roster = roster;
    this.from = from;
    this.until = until;
    this.tagLists = new List<?>[events.tagSets().size()];
  }

  private boolean inWindow(int e) {
    long at = events.at()[e];
    return at >= from && at < until;
  }

  @Override
  public int size() {
    if (size < 0) {
      int n = 0;
      for (int e = 0; e < events.size(); e++) {
        n += inWindow(e) ? 1 : 0;
      }
      size = n;
    }
    return size;
  }

  @Override
  public void forEach(Consumer<? super WindowEvent> consumer) {
    for (int e = 0; e < events.size(); e++) {
      if (inWindow(e)) {
        consumer.accept(event(e));
      }
    }
  }

  private WindowEvent event(int e) {
    int start = events.targetStart(e);
    int end = events.targetEnd()[e];
    MemberId[] targets = new MemberId[end - start];
    for (int t = start; t < end; t++) {
      targets[t - start] = member(events.targets()[t]);
    }
    long nanos = events.at()[e];
    Instant at = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    return new WindowEvent(EventId.of(events.id(e)), events.kindOf(e), member(events.actor()[e]),
        List.of(targets), at, events.weight()[e], tags(e));
  }

  @SuppressWarnings("unchecked")
  private List<String> tags(int e) {
    int t = events.tags()[e];
    List<?> list = tagLists[t];
    if (list == null) {
      list = List.of(events.tagSets().get(t));
      tagLists[t] = list;
    }
    return (List<String>) list;
  }

  private MemberId member(int rosterIndex) {
    return roster.member(rosterIndex).id();
  }
}
