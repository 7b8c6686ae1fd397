package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.internal.feed.IngestListener;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The per-tenant {@link TenantLog}s, loaded on first read and kept current by the ingest feed, so a
 * read reflects every event ingested before it without going back to the store. A batch that
 * cannot be applied drops the tenant's log: the next read loads it again. Thread-safe.
 */
@Singleton
final class TenantLogs implements IngestListener {
  private final ConcurrentMap<TenantId, Holder> logs = new ConcurrentHashMap<>();
  private final MemberStore members;
  private final EventStore events;
  private final @Nullable EventBlockStore blocks;

  @Inject
  TenantLogs(MemberStore members, EventStore events, Optional<EventBlockStore> blocks) {
    this.members = requireNonNull(members, "members");
    this.events = requireNonNull(events, "events");
    this.blocks = blocks.orElse(null);
  }

  /** The tenant's data as it is now, loading it first if needed. */
  TenantLog.Snapshot snapshot(TenantId tenant) {
    Holder h = logs.computeIfAbsent(tenant, t -> new Holder());
    try {
      h.ensureLoaded(tenant, members, events, blocks);
    } catch (RuntimeException e) {
      logs.remove(tenant, h);
      throw e;
    }
    return h.log.snapshot();
  }

  /** Whether the tenant's data is in memory, so that a read needs no load. */
  boolean loaded(TenantId tenant) {
    Holder h = logs.get(tenant);
    return h != null && h.isLoaded();
  }

  /** Forgets every tenant; the next read of each loads it again. */
  void clear() {
    logs.clear();
  }

  @Override
  public void membersUpserted(TenantId tenant, List<Member> upserted) {
    Holder h = logs.get(tenant);
    if (h == null) {
      return;
    }
    try {
      h.log.membersUpserted(upserted);
    } catch (RuntimeException e) {
      logs.remove(tenant, h);
      throw e;
    }
  }

  @Override
  public void eventsStored(TenantId tenant, List<Event> stored) {
    Holder h = logs.get(tenant);
    if (h == null) {
      return;
    }
    try {
      h.log.eventsStored(stored);
    } catch (RuntimeException e) {
      logs.remove(tenant, h);
      throw e;
    }
  }

  /** A log and whether it has been loaded; the first reader loads it, the others wait. */
  private static final class Holder {
    final TenantLog log = new TenantLog();
    private boolean loaded;

    synchronized boolean isLoaded() {
      return loaded;
    }

    synchronized void ensureLoaded(TenantId tenant, MemberStore m, EventStore e, @Nullable EventBlockStore b) {
      if (!loaded) {
        log.load(tenant, m, e, b);
        loaded = true;
      }
    }
  }
}
