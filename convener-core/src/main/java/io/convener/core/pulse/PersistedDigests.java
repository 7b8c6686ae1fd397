package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.PulseDigestStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pulse's day digests in a {@link PulseDigestStore}: written after each committed batch, and
 * read back when a rollup is loaded, so that a new process reads a few rows per day instead of
 * every event.
 *
 * <p>A batch that is one whole change right after the digests' position is written as it is;
 * otherwise (a batch of several changes, a gap that a failed or skipped write left, a change
 * another process stored) the writer reads the changes between the position and the batch from
 * the {@link ChangeStore}. Writers of all processes move the position by compare-and-set, so each
 * change is digested once; a write that fails or loses leaves the position behind, and the next
 * write or load reads the missing changes. A load reads the digests of the days it needs and the
 * changes after their position, and writes those back; the first load of a tenant without
 * digests reads all its events and writes every day's digest. A day written in many parts is
 * merged into one. Thread-safe.
 */
final class PersistedDigests {
  private static final Logger LOG = LoggerFactory.getLogger(PersistedDigests.class);
  /** A day with this many parts after an append is merged into one part. */
  static final int MERGE_AT = 16;

  private final PulseDigestStore store;
  private final ChangeStore changes;
  private final EventStore events;
  private final BiFunction<TenantId, Event, Entry> entryOf;

  /** @param entryOf the entry of a stored event, with its sentiment */
  PersistedDigests(PulseDigestStore store, ChangeStore changes, EventStore events, BiFunction<TenantId, Event, Entry> entryOf) {
    this.store = requireNonNull(store, "store");
    this.changes = requireNonNull(changes, "changes");
    this.events = requireNonNull(events, "events");
    this.entryOf = requireNonNull(entryOf, "entryOf");
  }

  /**
   * Digests a committed batch (its events and their entries, in the same order). Never throws: a
   * batch not written is read from the change store by the next write or load.
   */
  void stored(TenantId tenant, List<Event> batch, List<Entry> entries) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      Optional<PulseDigestStore.Change> first = store.changeOf(tenant, batch.get(0).id());
      Optional<PulseDigestStore.Change> last =
          batch.size() == 1 ? first : store.changeOf(tenant, batch.get(batch.size() - 1).id());
      if (first.isEmpty() || last.isEmpty()) {
        return;
      }
      long through = Math.max(first.get().value(), last.get().value());
      boolean wholeChange = first.get().equals(last.get()) && first.get().events() == batch.size();
      OptionalLong position = store.position(tenant);
      if (position.isEmpty()) {
        // Only a tenant whose every event is in this batch starts its digests here; any other
        // is started by its first load, which reads all its events.
        if (wholeChange && events.count(tenant, EventQuery.all()) == batch.size()) {
          append(tenant, position, through, digest(entries));
        }
        return;
      }
      long after = position.getAsLong();
      if (after >= through) {
        return;
      }
      append(tenant, position, through, wholeChange && after == through - 1 ? digest(entries) : read(tenant, after, through));
    } catch (RuntimeException e) {
      LOG.warn("could not write the pulse digests of {} new events of tenant {}; the next write or load reads"
          + " them from the store", batch.size(), tenant.value(), e);
    }
  }

  /**
   * Applies to {@code sink} every event of the tenant from {@code horizon} on, from the digests
   * and the changes after their position, and writes those changes' digests.
   *
   * @return whether the tenant has events before {@code horizon}
   * @throws io.convener.api.StorageException when the store fails
   */
  boolean load(TenantId tenant, long horizon, Consumer<Entry> sink) {
    int fromDay = (int) Math.floorDiv(horizon, TenantRollup.DAY_MILLIS);
    Optional<PulseDigestStore.Loaded> loaded =
        store.load(tenant, fromDay, part -> DayDigests.decode(part, sink));
    DayDigests read = new DayDigests();
    boolean[] older = {false};
    Consumer<Event> each = ev -> {
      Entry e = entryOf.apply(tenant, ev);
      read.add(e);
      if (e.at() >= horizon) {
        sink.accept(e);
      } else {
        older[0] = true;
      }
    };
    long current = changes.current(tenant);
    if (loaded.isEmpty()) {
      changes.scanThrough(tenant, EventQuery.all(), current, each);
      quietly(tenant, OptionalLong.empty(), current, read);
      return older[0];
    }
    long position = loaded.get().position();
    if (current > position) {
      changes.events(tenant, position, current, each);
      quietly(tenant, OptionalLong.of(position), current, read);
    }
    OptionalInt firstDay = loaded.get().firstDay();
    return older[0] || firstDay.isPresent() && firstDay.getAsInt() < fromDay;
  }

  private DayDigests read(TenantId tenant, long after, long through) {
    DayDigests read = new DayDigests();
    changes.events(tenant, after, through, ev -> read.add(entryOf.apply(tenant, ev)));
    return read;
  }

  private static DayDigests digest(List<Entry> entries) {
    DayDigests d = new DayDigests();
    entries.forEach(d::add);
    return d;
  }

  /** Writes what a load read; a failure only leaves the digests behind. */
  private void quietly(TenantId tenant, OptionalLong after, long through, DayDigests read) {
    try {
      append(tenant, after, through, read);
    } catch (RuntimeException e) {
      LOG.warn("could not write the pulse digests tenant {} loaded; the next load reads the events again",
          tenant.value(), e);
    }
  }

  private void append(TenantId tenant, OptionalLong after, long through, DayDigests digests) {
    List<PulseDigestStore.Part> parts = digests.parts();
    OptionalInt most = store.append(tenant, after, through, parts);
    if (most.isPresent() && most.getAsInt() >= MERGE_AT) {
      for (PulseDigestStore.Part p : parts) {
        store.merge(tenant, p.day(), MERGE_AT, data -> DayDigests.merge(p.day(), data));
      }
    }
  }
}
