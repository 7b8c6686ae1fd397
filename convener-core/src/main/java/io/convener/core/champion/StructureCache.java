package io.convener.core.champion;

import io.convener.api.TenantId;
import io.convener.api.champion.Exactness;
import io.convener.core.internal.graph.GraphMetrics;
import io.convener.core.internal.graph.Metric;
import io.convener.core.internal.graph.MetricOptions;
import io.convener.core.internal.graph.PageRank;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structural metrics of each tenant's scoring graph, and its last PageRank for warm starts.
 * PageRank is computed on every request (warm-started from the last vector of the same nodes).
 * Betweenness, constraint and communities are computed on every request for graphs up to the
 * kernel's exact limit; above it they are reused while (a) the nodes and settings are unchanged,
 * (b) fewer than {@code structuralRefresh} of the window's events arrived since, and (c) the window
 * start moved by less than {@code structuralRefresh} of its length; the result states the lag.
 * Thread-safe.
 */
@Singleton
final class StructureCache {
  private static final Logger LOG = LoggerFactory.getLogger(StructureCache.class);
  /** The metrics scoring uses; eigenvector centrality, the costliest of the rest, is left out. */
  private static final Set<Metric> RANKING =
      EnumSet.of(Metric.PAGERANK, Metric.BETWEENNESS, Metric.CONSTRAINT, Metric.COMMUNITY);
  private final ConcurrentMap<TenantId, Entry> entries = new ConcurrentHashMap<>();
  private final MetricOptions options;

  StructureCache() {
    this(MetricOptions.defaults());
  }

  StructureCache(MetricOptions options) {
    this.options = options;
  }

  MetricOptions options() {
    return options;
  }

  private record Entry(
      String fingerprint, long watermark, long from, int nodes, double[] pageRank, double[] betweenness,
      double[] constraint, int[] community, Exactness exactness) {}

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
    Entry last = entries.get(tenant);
    int n = wg.nodeCount();
    double[] warm = last != null && last.nodes == n && n > 0 && !Double.isNaN(last.pageRank[0]) ? last.pageRank : null;
    boolean large = n > options.exactLimit();
    if (large && last != null && last.nodes == n && last.fingerprint.equals(fingerprint)) {
      long lag = watermark - last.watermark;
      boolean fewNew = lag >= 0 && lag <= refresh * wg.eventsInWindow;
      boolean windowClose = Math.abs((double) from - last.from) <= refresh * length;
      if (fewNew && windowClose) {
        PageRank.Result pr = PageRank.compute(wg.graph, options.tolerance(), options.maxIterations(), warm);
        double[] rank = pr.converged() ? pr.rank() : nan(n);
        entries.put(tenant, new Entry(last.fingerprint, last.watermark, last.from, n, rank, last.betweenness,
            last.constraint, last.community, last.exactness));
        return new Structure(rank, last.betweenness, last.constraint, last.community, last.exactness, lag);
      }
    }
    GraphMetrics m = GraphMetrics.compute(wg.graph, options, warm, RANKING);
    LOG.debug("tenant {}: structural metrics of {} nodes, wall ms {}, CPU ms {}", tenant, n, m.stageMillis(),
        m.stageCpuMillis());
    io.convener.core.internal.graph.Exactness k = m.betweennessExactness();
    Exactness ex = new Exactness(k.exact(), k.samples(), k.errorBound(), k.method());
    Entry e = new Entry(fingerprint, watermark, from, n, m.pageRank(), m.betweenness(), m.constraint(),
        m.community(), ex);
    entries.put(tenant, e);
    return new Structure(e.pageRank, e.betweenness, e.constraint, e.community, ex, 0);
  }

  private static double[] nan(int n) {
    double[] x = new double[n];
    java.util.Arrays.fill(x, Double.NaN);
    return x;
  }

  /** Forgets every tenant. */
  void clear() {
    entries.clear();
  }
}
