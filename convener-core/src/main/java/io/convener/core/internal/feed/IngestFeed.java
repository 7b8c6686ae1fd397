package io.convener.core.internal.feed;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.ChangeStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each committed change to every {@link IngestListener}: this process's batches as they
 * commit, and, when the store keeps a {@link ChangeStore}, what other processes on the same store
 * committed, read from the store on {@link #sync}. A listener that throws is logged and the next one
 * is still told. Thread-safe.
 *
 * <p><b>Order and once-only.</b> Per tenant the feed keeps a position: every change up to it has
 * been told to the listeners that follow other processes. It starts at the tenant's counter the
 * first time the tenant is synced (nothing is in memory then: a listener loads a tenant after it
 * synced it), and moves only forward. A batch of this process with counter {@code c} is told at
 * once when {@code c} is the next change; when other processes committed in between, their changes
 * are read from the store and told first; a batch at or below the position was told already (read
 * from the store by an earlier catch-up) and is not told again. Members are told again harmlessly:
 * an upsert is idempotent.
 */
@Singleton
public final class IngestFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestFeed.class);
  /** Changes read from the store at a time when catching up. */
  static final int CATCH_UP_CHANGES = 32;

  private final List<IngestListener> all;
  private final List<IngestListener> followers;
  private final @Nullable ChangeStore changes;
  private final ConcurrentMap<TenantId, Cursor> cursors = new ConcurrentHashMap<>();
  private final ChangePoller poller;

  /** Where the feed stands for one tenant; its lock orders the telling. */
  private static final class Cursor {
    final ReentrantLock lock = new ReentrantLock();
    /** Every change up to this one has been told; -1 before the first sync. */
    long position = -1;
  }

  /** A feed to these listeners of this process's commits only. */
  public IngestFeed(Set<IngestListener> listeners) {
    this(listeners, Optional.empty());
  }

  /** A feed to these listeners that follows other processes through {@code changes}, when present. */
  public IngestFeed(Set<IngestListener> listeners, Optional<ChangeStore> changes) {
    this(listeners, changes, Optional.empty());
  }

  /**
   * A feed to these listeners that follows other processes through {@code changes}, when present,
   * woken by the {@code tenant} topic of {@code signals} where the store pushes them (PostgreSQL).
   */
  @Inject
  public IngestFeed(Set<IngestListener> listeners, Optional<ChangeStore> changes, Optional<ChangeSignals> signals) {
    this.all = List.copyOf(requireNonNull(listeners, "listeners"));
    this.followers = all.stream().filter(IngestListener::followsOtherProcesses).toList();
    this.changes = requireNonNull(changes, "changes").orElse(null);
    this.poller = new ChangePoller(this, requireNonNull(signals, "signals").orElse(ChangeSignals.none()));
  }

  /** A feed that tells nobody. */
  public static IngestFeed none() {
    return new IngestFeed(Set.of());
  }

  /** Tells every listener of members this process committed in the tenant. */
  public void membersUpserted(TenantId tenant, List<Member> members) {
    if (members.isEmpty()) {
      return;
    }
    List<Member> copy = List.copyOf(members);
    for (IngestListener l : all) {
      tellMembers(l, tenant, copy);
    }
  }

  /** Tells every listener of events newly committed in the tenant by a writer that keeps no counter. */
  public void eventsStored(TenantId tenant, List<Event> events) {
    eventsStored(tenant, events, 0);
  }

  /**
   * Tells every listener of events this process committed in the tenant as change {@code change}
   * (0 when the store keeps no counter: then they are told at once, in no particular order).
   */
  public void eventsStored(TenantId tenant, List<Event> events, long change) {
    List<Event> copy = List.copyOf(events);
    if (!copy.isEmpty()) {
      for (IngestListener l : all) {
        if (!l.followsOtherProcesses()) {
          tellEvents(l, tenant, copy);
        }
      }
    }
    if (changes == null || change <= 0) {
      tellFollowers(tenant, copy);
      return;
    }
    Cursor c = cursors.computeIfAbsent(tenant, t -> new Cursor());
    c.lock.lock();
    try {
      if (c.position < 0) {
        // Nobody holds the tenant yet (a load syncs first); a load running now drops what it read.
        tellFollowers(tenant, copy);
      } else if (change > c.position) {
        catchUp(tenant, c, change - 1);
        tellFollowers(tenant, copy);
        c.position = change;
      }
    } finally {
      c.lock.unlock();
    }
  }

  /**
   * Brings the listeners up to every change of the tenant committed so far, by any process: reads
   * the tenant's counter and tells what changed after the feed's position. Does nothing when the
   * store keeps no counter.
   *
   * @throws io.convener.api.StorageException when the store fails; the position then stays
   */
  public void sync(TenantId tenant) {
    if (changes == null) {
      return;
    }
    Cursor c = cursors.computeIfAbsent(tenant, t -> new Cursor());
    c.lock.lock();
    try {
      long now = changes.current(tenant);
      if (c.position < 0) {
        c.position = now;
        poller.follow(tenant);
      } else if (now > c.position) {
        catchUp(tenant, c, now);
      }
    } finally {
      c.lock.unlock();
    }
  }

  /**
   * The change of the tenant up to which every change has been told, or -1 when the feed does not
   * follow the tenant (yet); for monitoring and tests.
   */
  public long position(TenantId tenant) {
    Cursor c = cursors.get(tenant);
    return c == null ? -1 : c.position;
  }

  /** The tenants the feed follows and where it stands, for the poller. */
  Map<TenantId, Long> positions() {
    Map<TenantId, Long> at = new HashMap<>();
    cursors.forEach((t, c) -> at.put(t, c.position));
    return at;
  }

  @Nullable ChangeStore changes() {
    return changes;
  }

  /** Tells the followers the changes after the cursor's position through {@code through}. */
  private void catchUp(TenantId tenant, Cursor c, long through) {
    ChangeStore store = requireNonNull(changes);
    if (through <= c.position) {
      return;
    }
    // A few changes at a time, so that a long catch-up (another node ingested a large file) holds
    // a few batches in memory, not the whole file.
    while (c.position < through) {
      long upTo = Math.min(through, c.position + CATCH_UP_CHANGES);
      List<Member> members = store.members(tenant, c.position, upTo);
      List<Event> events = new ArrayList<>();
      store.events(tenant, c.position, upTo, events::add);
      if (!members.isEmpty()) {
        for (IngestListener l : followers) {
          tellMembers(l, tenant, members);
        }
      }
      tellFollowers(tenant, events);
      c.position = upTo;
    }
  }

  private void tellFollowers(TenantId tenant, List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    for (IngestListener l : followers) {
      tellEvents(l, tenant, events);
    }
  }

  private static void tellMembers(IngestListener l, TenantId tenant, List<Member> members) {
    try {
      l.membersUpserted(tenant, members);
    } catch (RuntimeException e) {
      LOG.error("ingest listener {} failed on {} members of tenant {}", l, members.size(), tenant.value(), e);
    }
  }

  private static void tellEvents(IngestListener l, TenantId tenant, List<Event> events) {
    try {
      l.eventsStored(tenant, events);
    } catch (RuntimeException e) {
      LOG.error("ingest listener {} failed on {} events of tenant {}", l, events.size(), tenant.value(), e);
    }
  }

  /** Stops following other processes in the background. */
  @Override
  public void close() {
    poller.close();
  }
}
