package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raw per-member graph metrics for analysts.
 *
 * @param asOf the end of the window (exclusive)
 * @param window the window's length
 * @param members the consenting members' metrics, ordered by member id
 * @param withheld members left out for lack of consent (their ties still count)
 * @param modularity the modularity of the community partition
 * @param graph the graph and data the metrics reflect
 * @param exactness how betweenness and closeness were obtained, by metric name
 * @param unavailable why a metric could not be computed, by metric name (empty when all were)
 * @param provenanceId the provenance entry of the call; 0 before the call is stamped
 */
public record MetricsReport(
    Instant asOf,
    Duration window,
    List<MemberMetrics> members,
    int withheld,
    double modularity,
    GraphSummary graph,
    Map<String, Exactness> exactness,
    Map<String, String> unavailable,
    long provenanceId)
    implements NamesPeople {
  /** Validates and copies. */
  public MetricsReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    members = List.copyOf(requireNonNull(members, "members"));
    requireNonNull(graph, "graph");
    exactness = Map.copyOf(requireNonNull(exactness, "exactness"));
    unavailable = Map.copyOf(requireNonNull(unavailable, "unavailable"));
  }

  /** This report with the provenance id of its call. */
  public MetricsReport withProvenanceId(long id) {
    return new MetricsReport(asOf, window, members, withheld, modularity, graph, exactness, unavailable, id);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>(members.size());
    for (MemberMetrics m : members) {
      all.add(m.member());
    }
    return all;
  }
}
