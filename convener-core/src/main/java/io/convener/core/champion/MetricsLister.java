package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.champion.Exactness;
import io.convener.api.champion.MemberMetrics;
import io.convener.api.champion.MetricsReport;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.graph.GraphMetrics;
import io.convener.core.internal.graph.Metric;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw metrics of the contract's graph (every collaboration event, no exclusions, no diminishing
 * returns), for every member of the tenant; only consenting members are listed, ordered by id.
 * Thread-safe.
 */
final class MetricsLister {
  private final TenantLogs logs;
  private final StructureCache structures;
  private final ConsentEngine consent;

  @Inject
  MetricsLister(TenantLogs logs, StructureCache structures, ConsentEngine consent) {
    this.logs = requireNonNull(logs, "logs");
    this.structures = requireNonNull(structures, "structures");
    this.consent = requireNonNull(consent, "consent");
  }

  MetricsReport list(TenantId tenant, Instant asOf, Duration window) {
    TenantLog.Snapshot snap = logs.snapshot(tenant);
    WindowGraph wg = WindowGraph.build(snap, EventColumns.nanos(asOf.minus(window)), EventColumns.nanos(asOf), null, 1);
    GraphMetrics m = GraphMetrics.compute(wg.graph, structures.options());
    List<MemberId> ids = new ArrayList<>(wg.nodeCount());
    Map<MemberId, Integer> nodeOf = new HashMap<>();
    for (int v = 0; v < wg.nodeCount(); v++) {
      MemberId id = snap.roster().member(wg.rosterOf[v]).id();
      ids.add(id);
      nodeOf.put(id, v);
    }
    ids.sort(null);
    Disclosure<MemberId> d = consent.disclose(tenant, Purpose.CHAMPION_RECOMMENDATION, ids);
    int[] degree = m.degree();
    double[] strength = m.strength();
    double[] pr = m.pageRank();
    double[] bet = m.betweenness();
    double[] clo = m.closeness();
    double[] eig = m.eigenvector();
    double[] con = m.constraint();
    double[] eff = m.effectiveSize();
    double[] clu = m.clustering();
    int[] com = m.community();
    List<MemberMetrics> out = new ArrayList<>(d.disclosed().size());
    for (Disclosed<MemberId> member : d.disclosed()) {
      int v = nodeOf.get(member.value());
      out.add(new MemberMetrics(member, degree[v], strength[v], pr[v], bet[v], clo[v], eig[v], con[v], eff[v],
          clu[v], com[v]));
    }
    Map<String, Exactness> exactness = new LinkedHashMap<>();
    exactness.put("betweenness", api(m.betweennessExactness()));
    exactness.put("closeness", api(m.closenessExactness()));
    Map<String, String> unavailable = new LinkedHashMap<>();
    for (Metric metric : Metric.values()) {
      m.unavailable(metric).ifPresent(why -> unavailable.put(metric.name().toLowerCase(java.util.Locale.ROOT), why));
    }
    return new MetricsReport(asOf, window, out, d.withheld(), m.modularity(), Summaries.of(wg, snap, 0), exactness,
        unavailable, 0);
  }

  private static Exactness api(io.convener.core.internal.graph.Exactness k) {
    return new Exactness(k.exact(), k.samples(), k.errorBound(), k.method());
  }
}
