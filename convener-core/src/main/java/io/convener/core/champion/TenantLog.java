package io.convener.core.champion;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One tenant's members and events in memory, loaded once from the store and then kept current by
 * the ingest feed. While the load runs, feed batches wait in a pending list; when it ends, the
 * pending events the scan did not already see are appended, so that nothing is lost or counted
 * twice. Thread-safe.
 */
final class TenantLog {
  private static final Set<EventKind> KEPT = keptKinds();

  private static final java.util.concurrent.atomic.AtomicLong EPOCHS = new java.util.concurrent.atomic.AtomicLong();

  private final long epoch = EPOCHS.incrementAndGet();
  private final Object lock = new Object();
  private final Roster roster = new Roster();
  private final EventColumns events = new EventColumns();
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

  /** Reads the tenant from the store; called once, by one thread, before any snapshot. */
  void load(TenantId tenant, MemberStore memberStore, EventStore eventStore) {
    for (Member m : memberStore.listPseudonymous(tenant)) {
      roster.upsert(m);
    }
    eventStore.scan(tenant, EventQuery.all().withKinds(KEPT), this::appendLoaded);
    synchronized (lock) {
      int scanned = events.size();
      for (Member m : pendingMembers) {
        roster.upsert(m);
      }
      for (Event e : pendingEvents) {
        if (!events.containsSorted(scanned, EventColumns.nanos(e.at()), e.id().value())) {
          append(e);
        }
      }
      pendingMembers.clear();
      pendingEvents.clear();
      changes++;
      loading = false;
    }
  }

  private void appendLoaded(Event e) {
    events.append(e, roster);
    latest = Math.max(latest, EventColumns.nanos(e.at()));
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
