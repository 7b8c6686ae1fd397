package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;

/**
 * One member's raw graph metrics, as the interchange contract defines the graph. A value that is
 * undefined for the member (constraint and effective size of a member without ties) is {@code
 * NaN}; a metric that could not be computed at all is {@code NaN} for everybody and the report
 * says why.
 *
 * @param member the member, disclosed under {@code champion.recommendation}
 * @param degree distinct neighbours (undirected)
 * @param strength undirected weighted degree
 * @param pagerank PageRank on the directed weighted graph, damping 0.85
 * @param betweenness normalised betweenness, distance 1 / weight
 * @param closeness closeness, distance 1 / weight (Wasserman-Faust for disconnected graphs)
 * @param eigenvector eigenvector centrality on the undirected weighted graph
 * @param constraint Burt's constraint
 * @param effectiveSize Burt's effective size
 * @param clustering clustering coefficient
 * @param community the member's community index
 */
public record MemberMetrics(
    Disclosed<MemberId> member,
    int degree,
    double strength,
    double pagerank,
    double betweenness,
    double closeness,
    double eigenvector,
    double constraint,
    double effectiveSize,
    double clustering,
    int community) {
  /** Validates. */
  public MemberMetrics {
    requireNonNull(member, "member");
  }
}
