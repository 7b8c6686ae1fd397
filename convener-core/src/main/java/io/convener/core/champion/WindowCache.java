package io.convener.core.champion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.TenantId;
import io.convener.core.internal.telemetry.CacheStats;
import io.convener.core.internal.telemetry.Telemetry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Keeps each tenant's scoring {@link WindowState} from one request to the next, so that a request
 * adds only the events ingested since the last one instead of passing over every event again.
 * The state counts every event from its start on; it stands for a request's window {@code [from,
 * until)} when it started no later than {@code from}, holds no event before {@code from} and none
 * at or after {@code until}: then both hold exactly the same events. Otherwise (the window start
 * passed the earliest event counted, other settings, new members, a reloaded tenant) a new state
 * is built; when the tenant has events after {@code until}, the window is built in one pass and
 * not kept.
 *
 * <p>The states of all tenants together stay within {@link ChampionMemory#windowBytes()}: past it
 * the tenant used least recently is dropped (Caffeine, weighed by {@link
 * WindowState#estimatedHeapBytes()} and weighed again after each request), and its next request
 * builds its state again. Eviction runs on the calling thread. Thread-safe.
 */
@Singleton
final class WindowCache {
  private final Cache<TenantId, Entry> entries;

  @Inject
  WindowCache(ChampionMemory memory) {
    entries = Caffeine.newBuilder()
        .recordStats()
        .maximumWeight(ChampionMemory.maximumWeight(memory.windowBytes()))
        .weigher((TenantId t, Entry e) -> ChampionMemory.weight(e.bytes))
        .executor(Runnable::run)
        .build();
  }

  /** Reports this cache's hits and misses ({@link CacheStats#CHAMPION_WINDOWS}) where telemetry is bound. */
  @com.google.inject.Inject(optional = true)
  void reportStats(Telemetry telemetry) {
    telemetry.cache(CacheStats.CHAMPION_WINDOWS, entries);
  }

  /** One tenant's kept state; guarded by its own lock, weighed as of its last request. */
  private static final class Entry {
    long epoch;
    String fingerprint = "";
    WindowState state;
    volatile long bytes;
  }

  /** The scoring graph of {@code [from, until)} with the current events of the snapshot. */
  WindowGraph graph(TenantId tenant, TenantLog.Snapshot s, long from, long until, boolean[] excluded, double decay,
      String fingerprint) {
    Entry e = entries.get(tenant, t -> new Entry());
    synchronized (e) {
      if (e.state != null && e.epoch == s.epoch() && e.fingerprint.equals(fingerprint)
          && e.state.nodeOf.length == s.roster().size() && e.state.from <= from) {
        e.state.advance(s.events());
        if (fits(e.state, from, until)) {
          return kept(tenant, e, e.state.graph());
        }
      }
      e.state = null; // let the old state go before the new one is built: at 1M members each is hundreds of MB
      e.bytes = 0;
      WindowState fresh = new WindowState(s.roster().size(), excluded, from, Long.MAX_VALUE, decay);
      fresh.advance(s.events());
      if (!fits(fresh, from, until)) {
        entries.asMap().remove(tenant, e);
        return WindowGraph.build(s, from, until, excluded, decay);
      }
      e.epoch = s.epoch();
      e.fingerprint = fingerprint;
      e.state = fresh;
      return kept(tenant, e, fresh.graph());
    }
  }

  /** Weighs the entry again now that its state grew, which may evict it or others. */
  private WindowGraph kept(TenantId tenant, Entry e, WindowGraph graph) {
    e.bytes = e.state.estimatedHeapBytes();
    entries.asMap().replace(tenant, e, e);
    return graph;
  }

  /** The estimated bytes every kept state takes together. */
  long keptBytes() {
    entries.cleanUp();
    long sum = 0;
    for (Entry e : entries.asMap().values()) {
      sum += e.bytes;
    }
    return sum;
  }

  /** How many tenants have a kept state. */
  long keptTenants() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private static boolean fits(WindowState st, long from, long until) {
    return st.events == 0 || (st.earliest >= from && st.latest < until);
  }
}
