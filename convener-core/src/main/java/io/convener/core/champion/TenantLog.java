package io.convener.core.champion;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's members and events in memory, loaded once from the store and then kept current by
 * the ingest feed. While the load runs, feed batches wait in a pending list; when it ends, the
 * pending events the scan did not already see are appended, so that nothing is lost or counted
 * twice. Thread-safe.
 */
final class TenantLog {
  private static final Logger LOG = LoggerFactory.getLogger(TenantLog.class);
  private static final Set<EventKind> KEPT = keptKinds();

  private static final java.util.concurrent.atomic.AtomicLong EPOCHS = new java.util.concurrent.atomic.AtomicLong();

  private final long epoch = EPOCHS.incrementAndGet();
  private final Object lock = new Object();
  private Roster roster = new Roster();
  private EventColumns events = new EventColumns();
  private boolean loading = true;
  private final List<Event> pendingEvents = new ArrayList<>();
  private final List<Member> pendingMembers = new ArrayList<>();
  private long changes;
  private long latest = Long.MIN_VALUE;

  private static Set<EventKind> keptKinds() {
    EnumSet<EventKind> k = EnumSet.noneOf(EventKind.class);
    for (EventKind e : EventKind.values()) {
      if (EventColumns.kept(e)) {
        k.add(e);
      }
    }
    return k;
  }

  /**
   * Reads the tenant from the stores; called once, by one thread, before any snapshot. {@code
   * catchUp} brings the ingest feed up to the store's current change before the batches the feed
   * told meanwhile are applied. The events
   * come from the champion stream of the block store when it accounts for every stored event, and
   * otherwise from the event store, writing the stream anew on the way.
   */
  void load(
      TenantId tenant, MemberStore memberStore, EventStore eventStore, @Nullable EventBlockStore blockStore,
      Runnable catchUp) {
    boolean sorted = true;
    if (blockStore != null) {
      // The members are read on a side thread while the blocks decode, numbering the member ids
      // they meet on their own; the events are renumbered to the roster after, giving the same
      // indexes as reading the members first.
      CompletableFuture<List<Member>> members = SideWork.start("member-load", () -> memberStore.listPseudonymous(tenant));
      BlockMembers seen = new BlockMembers();
      boolean fromBlocks = fromBlocks(tenant, eventStore, blockStore, seen);
      SideWork.join(members).forEach(roster::upsert);
      if (fromBlocks) {
        int[] index = new int[seen.size()];
        for (int i = 0; i < index.length; i++) {
          index[i] = roster.indexOf(seen.id(i));
        }
        events.renumber(index);
        sorted = false;
      } else {
        events = new EventColumns();
        latest = Long.MIN_VALUE;
        new BlockRewrite(tenant, eventStore, blockStore).scan(this::append);
      }
    } else {
      memberStore.listPseudonymous(tenant).forEach(roster::upsert);
      eventStore.scan(tenant, EventQuery.all().withKinds(KEPT), this::append);
    }
    // What other processes committed while the store was read comes in now, as pending batches
    // that the dedupe below drops when the read saw them already.
    catchUp.run();
    synchronized (lock) {
      int loaded = events.size();
      for (Member m : pendingMembers) {
        roster.upsert(m);
      }
      Set<String> pendingLoaded = sorted || pendingEvents.isEmpty() ? Set.of() : events.idsAmong(loaded, pendingEvents);
      for (Event e : pendingEvents) {
        boolean present = sorted
            ? events.containsSorted(loaded, EventColumns.nanos(e.at()), e.id().value())
            : pendingLoaded.contains(e.id().value());
        if (!present) {
          append(e);
        }
      }
      pendingMembers.clear();
      pendingEvents.clear();
      changes++;
      loading = false;
    }
  }

  /** Loads the events from the champion stream if it accounts for every stored event; false if not. */
  private boolean fromBlocks(TenantId tenant, EventStore eventStore, EventBlockStore blockStore, BlockMembers seen) {
    long stored = eventStore.count(tenant, EventQuery.all());
    EventBlockStore.Totals totals = blockStore.totals(tenant, EventBlocks.STREAM);
    if (totals.events() != stored) {
      LOG.info("tenant {}: the champion event blocks account for {} of {} stored events; reading the event store",
          tenant, totals.events(), stored);
      return false;
    }
    events.ensureCapacity((int) Math.min(stored, Integer.MAX_VALUE - 8));
    try {
      blockStore.scan(tenant, EventBlocks.STREAM, b -> latest = Math.max(latest, EventBlocks.decode(b.data(), events, seen)));
      return true;
    } catch (IllegalStateException | IllegalArgumentException e) {
      // a block of another format, cut short, or naming a malformed member id
      LOG.warn("tenant {}: a champion event block cannot be read; reading the event store", tenant, e);
      return false;
    }
  }

  private void append(Event e) {
    events.append(e, roster);
    latest = Math.max(latest, EventColumns.nanos(e.at()));
  }

  /** Applies newly stored events (or keeps them for the end of the load). */
  void eventsStored(List<Event> stored) {
    synchronized (lock) {
      for (Event e : stored) {
        if (!EventColumns.kept(e.kind())) {
          continue;
        }
        if (loading) {
          pendingEvents.add(e);
        } else {
          append(e);
        }
      }
      changes++;
    }
  }

  /** Applies member inserts and replacements. */
  void membersUpserted(List<Member> upserted) {
    synchronized (lock) {
      if (loading) {
        pendingMembers.addAll(upserted);
      } else {
        for (Member m : upserted) {
          roster.upsert(m);
        }
      }
      changes++;
    }
  }

  /** The bytes the log takes on the heap, by estimate; its pending batches are not counted. */
  long estimatedHeapBytes() {
    synchronized (lock) {
      return roster.estimatedHeapBytes() + events.estimatedHeapBytes();
    }
  }

  /** The tenant as it is now. */
  Snapshot snapshot() {
    synchronized (lock) {
      if (loading) {
        throw new IllegalStateException("tenant log read before its load finished");
      }
      return new Snapshot(epoch, roster.view(), events.view(), events.size(), latest, changes);
    }
  }

  /**
   * One tenant's data at one moment.
   *
   * @param epoch identifies the log the snapshot comes from: a reloaded tenant gets a new one
   * @param roster the members
   * @param events the kept events
   * @param watermark how many kept events the tenant had: grows with every new event
   * @param latest the latest event instant, in nanoseconds, or {@code Long.MIN_VALUE}
   * @param changes a counter raised by every change, for caches
   */
  record Snapshot(long epoch, Roster.View roster, EventColumns.View events, long watermark, long latest, long changes) {}
}
