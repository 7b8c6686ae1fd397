package io.convener.api.champion;

import java.time.Instant;
import java.util.Optional;

/**
 * The graph a result was computed on, and the data it reflects, so that the result can be
 * reproduced: the provenance entry of the call records the same values.
 *
 * @param nodes members in the graph
 * @param edges distinct directed edges (actor, target)
 * @param eventsInWindow collaboration events inside the window that counted
 * @param watermark how many events of the tenant the computation had seen (all kinds, all time):
 *     a counter that only grows as events are ingested
 * @param latestEvent the latest event instant seen, if any
 * @param structuralLag how many of the counted events arrived after the structural metrics
 *     (betweenness, constraint, communities) were last computed; 0 when they are current
 */
public record GraphSummary(
    int nodes, long edges, long eventsInWindow, long watermark, Optional<Instant> latestEvent, long structuralLag) {
  /** Validates. */
  public GraphSummary {
    if (nodes < 0 || edges < 0 || eventsInWindow < 0 || watermark < 0 || structuralLag < 0) {
      throw new IllegalArgumentException("graph sizes must be >= 0");
    }
    java.util.Objects.requireNonNull(latestEvent, "latestEvent");
  }
}
