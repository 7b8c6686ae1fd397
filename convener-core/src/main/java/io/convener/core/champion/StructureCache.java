package io.convener.core.champion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.TenantId;
import io.convener.api.champion.Exactness;
import io.convener.core.internal.graph.GraphMetrics;
import io.convener.core.internal.graph.Metric;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.core.internal.graph.PageRank;
import io.convener.core.internal.telemetry.CacheStats;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.EventBlockStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structural metrics of each tenant's scoring graph, and its last PageRank for warm starts.
 * PageRank is computed on every request (warm-started from the last vector of the same nodes).
 * Betweenness, constraint and communities are computed on every request for graphs up to the
 * kernel's exact limit; above it they are reused while (a) the nodes and settings are unchanged,
 * (b) fewer than {@code structuralRefresh} of the window's events arrived since, and (c) the window
 * start moved by less than {@code structuralRefresh} of its length; the result states the lag.
 *
 * <p>Above the exact limit a computed structure is also stored ({@link StoredStructures}), keyed by
 * the graph's content: a process without it in memory whose graph is that same graph reads it
 * instead of computing it. Entries of all tenants stay within {@link
 * ChampionMemory#structureBytes()}; past it the tenant used least recently is dropped. Thread-safe.
 */
@Singleton
final class StructureCache {
  private static final Logger LOG = LoggerFactory.getLogger(StructureCache.class);
  /** The metrics scoring uses; eigenvector centrality, the costliest of the rest, is left out. */
  private static final Set<Metric> RANKING =
      EnumSet.of(Metric.PAGERANK, Metric.BETWEENNESS, Metric.CONSTRAINT, Metric.COMMUNITY);
  private final Cache<TenantId, Entry> entries;
  private final MetricOptions options;
  private final StoredStructures stored;
  private final AtomicLong computed = new AtomicLong();

  @Inject
  StructureCache(MetricOptions options, Optional<EventBlockStore> blocks, ChampionMemory memory) {
    this(options, blocks.orElse(null), memory);
  }

  StructureCache(MetricOptions options, @Nullable EventBlockStore blocks, ChampionMemory memory) {
    this.options = options;
    this.stored = new StoredStructures(blocks);
    this.entries = Caffeine.newBuilder()
        .recordStats()
        .maximumWeight(ChampionMemory.maximumWeight(memory.structureBytes()))
        .weigher((TenantId t, Entry e) -> ChampionMemory.weight(e.bytes()))
        .executor(Runnable::run)
        .build();
  }

  /** Reports this cache's hits and misses ({@link CacheStats#CHAMPION_STRUCTURES}) where telemetry is bound. */
  @com.google.inject.Inject(optional = true)
  void reportStats(Telemetry telemetry) {
    telemetry.cache(CacheStats.CHAMPION_STRUCTURES, entries);
  }

  MetricOptions options() {
    return options;
  }

  private record Entry(
      String fingerprint, long watermark, long from, int nodes, double[] pageRank, double[] betweenness,
      double[] constraint, int[] community, Exactness exactness) {
    long bytes() {
      return 256 + 28L * nodes + 2L * exactness.method().length();
    }
  }

  /**
   * The structure of {@code wg}.
   *
   * @param fingerprint what else the graph depends on (exclusions, decay)
   * @param watermark the snapshot's watermark
   * @param from the window start, in nanoseconds
   * @param length the window length, in nanoseconds
   * @param refresh the tenant's structural refresh share
   */
  Structure structure(TenantId tenant, WindowGraph wg, String fingerprint, long watermark, long from, long length,
      double refresh) {
    Entry last = entries.getIfPresent(tenant);
    int n = wg.nodeCount();
    double[] warm = last != null && last.nodes == n && n > 0 && !Double.isNaN(last.pageRank[0]) ? last.pageRank : null;
    boolean large = n > options.exactLimit();
    if (large && last != null && last.nodes == n && last.fingerprint.equals(fingerprint)) {
      long lag = watermark - last.watermark;
      boolean fewNew = lag >= 0 && lag <= refresh * wg.eventsInWindow;
      boolean windowClose = Math.abs((double) from - last.from) <= refresh * length;
      if (fewNew && windowClose) {
        double[] rank = pageRank(wg, warm);
        entries.put(tenant, new Entry(last.fingerprint, last.watermark, last.from, n, rank, last.betweenness,
            last.constraint, last.community, last.exactness));
        return new Structure(rank, last.betweenness, last.constraint, last.community, last.exactness, lag);
      }
    }
    byte[] key = large ? StoredStructures.key(wg.graph.contentDigest(), options, fingerprint) : null;
    StoredStructures.Saved saved = key == null ? null : stored.load(tenant, key, n);
    Entry e;
    if (saved != null) {
      LOG.debug("tenant {}: structural metrics of {} nodes read from the store", tenant, n);
      // The stored PageRank converged on this very graph: it is current, and the writer's answer.
      e = new Entry(fingerprint, watermark, from, n, saved.pageRank(), saved.betweenness(), saved.constraint(),
          saved.community(), saved.exactness());
    } else {
      computed.incrementAndGet();
      GraphMetrics m = GraphMetrics.compute(wg.graph, options, warm, RANKING);
      LOG.debug("tenant {}: structural metrics of {} nodes, wall ms {}, CPU ms {}", tenant, n, m.stageMillis(),
          m.stageCpuMillis());
      io.convener.core.internal.graph.Exactness k = m.betweennessExactness();
      Exactness ex = new Exactness(k.exact(), k.samples(), k.errorBound(), k.method());
      e = new Entry(fingerprint, watermark, from, n, m.pageRank(), m.betweenness(), m.constraint(),
          m.community(), ex);
      if (key != null && !Double.isNaN(e.pageRank[0])) {
        stored.save(tenant, key, new StoredStructures.Saved(e.pageRank, e.betweenness, e.constraint, e.community, ex));
      }
    }
    entries.put(tenant, e);
    return new Structure(e.pageRank, e.betweenness, e.constraint, e.community, e.exactness, 0);
  }

  /** PageRank of the graph, warm-started; NaN everywhere when it does not converge. */
  private double[] pageRank(WindowGraph wg, double @Nullable [] warm) {
    PageRank.Result pr = PageRank.compute(wg.graph, options.tolerance(), options.maxIterations(), warm);
    if (pr.converged()) {
      return pr.rank();
    }
    double[] x = new double[wg.nodeCount()];
    Arrays.fill(x, Double.NaN);
    return x;
  }

  /** How many times betweenness, constraint and communities were computed rather than reused or read. */
  long computations() {
    return computed.get();
  }

  /** The estimated bytes every kept entry takes together. */
  long keptBytes() {
    entries.cleanUp();
    return entries.asMap().values().stream().mapToLong(Entry::bytes).sum();
  }

  /** Forgets every tenant. */
  void clear() {
    entries.invalidateAll();
  }
}
