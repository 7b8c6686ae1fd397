package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.internal.feed.IngestListener;
import io.convener.core.internal.telemetry.CacheStats;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.core.internal.feed.IngestFeed;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The per-tenant {@link TenantLog}s, loaded on first read and kept current by the ingest feed, so a
 * read reflects every event ingested before it without going back to the store. A batch that
 * cannot be applied drops the tenant's log: the next read loads it again.
 *
 * <p>The logs of all tenants together stay within {@link ChampionMemory#logBytes()}: past it the
 * tenant used least recently is dropped (Caffeine, weighed by {@link
 * TenantLog#estimatedHeapBytes()} after its load and after each batch), and its next read loads it
 * again from its persisted event blocks. A snapshot already handed out stays valid. Thread-safe.
 */
@Singleton
final class TenantLogs implements IngestListener {
  private final Cache<TenantId, Holder> cache;
  private final ConcurrentMap<TenantId, Holder> logs;
  private final MemberStore members;
  private final EventStore events;
  private final @Nullable EventBlockStore blocks;
  /** A provider: the feed is made with its listeners, this one among them. */
  private final Provider<IngestFeed> feed;

  @Inject
  TenantLogs(MemberStore members, EventStore events, Optional<EventBlockStore> blocks, Provider<IngestFeed> feed,
      ChampionMemory memory) {
    this.cache = Caffeine.newBuilder()
        .recordStats()
        .maximumWeight(ChampionMemory.maximumWeight(memory.logBytes()))
        .weigher((TenantId t, Holder h) -> ChampionMemory.weight(h.bytes))
        .executor(Runnable::run)
        .build();
    this.logs = cache.asMap();
    this.members = requireNonNull(members, "members");
    this.events = requireNonNull(events, "events");
    this.blocks = blocks.orElse(null);
    this.feed = requireNonNull(feed, "feed");
  }

  /** Reports this cache's hits and misses ({@link CacheStats#CHAMPION_LOGS}) where telemetry is bound. */
  @com.google.inject.Inject(optional = true)
  void reportStats(Telemetry telemetry) {
    telemetry.cache(CacheStats.CHAMPION_LOGS, cache);
  }

  /**
   * The tenant's data as it is now, every change committed before the call included (by this
   * process or another one on the same store), loading it first if needed.
   */
  TenantLog.Snapshot snapshot(TenantId tenant) {
    IngestFeed f = feed.get();
    // Catches the feed up with other processes; a tenant not loaded yet gets its position here,
    // before its load, so that what commits during the load reaches it (and is dropped if read).
    f.sync(tenant);
    Holder h = logs.computeIfAbsent(tenant, t -> new Holder());
    try {
      if (h.ensureLoaded(tenant, members, events, blocks, () -> f.sync(tenant))) {
        weigh(tenant, h);
      }
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

  /** The estimated bytes every kept log takes together. */
  long keptBytes() {
    cache.cleanUp();
    long sum = 0;
    for (Holder h : logs.values()) {
      sum += h.bytes;
    }
    return sum;
  }

  /** How many tenants have a kept log. */
  long keptTenants() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** Weighs the tenant's log again now that it changed, which may evict it or others. */
  private void weigh(TenantId tenant, Holder h) {
    if (h.isLoaded()) {
      h.bytes = h.log.estimatedHeapBytes();
      logs.replace(tenant, h, h);
    }
  }

  @Override
  public void membersUpserted(TenantId tenant, List<Member> upserted) {
    Holder h = logs.get(tenant);
    if (h == null) {
      return;
    }
    try {
      h.log.membersUpserted(upserted);
      weigh(tenant, h);
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
      weigh(tenant, h);
    } catch (RuntimeException e) {
      logs.remove(tenant, h);
      throw e;
    }
  }

  /** A log and whether it has been loaded; the first reader loads it, the others wait. */
  private static final class Holder {
    final TenantLog log = new TenantLog();
    private boolean loaded;
    /** The log's estimated bytes as of its last weighing; 0 until it is loaded. */
    volatile long bytes;

    synchronized boolean isLoaded() {
      return loaded;
    }

    /** Loads the log unless it is loaded; true if this call loaded it. */
    synchronized boolean ensureLoaded(
        TenantId tenant, MemberStore m, EventStore e, @Nullable EventBlockStore b, Runnable catchUp) {
      if (loaded) {
        return false;
      }
      log.load(tenant, m, e, b, catchUp);
      loaded = true;
      return true;
    }
  }
}
