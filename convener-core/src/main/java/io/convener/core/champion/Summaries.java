package io.convener.core.champion;

import io.convener.api.champion.GraphSummary;
import java.time.Instant;
import java.util.Optional;

/** {@link GraphSummary} values from a request's graph and snapshot. */
final class Summaries {
  private Summaries() {}

  static GraphSummary of(Pipeline.Scored s) {
    return of(s.graph(), s.snapshot(), s.structure().lag());
  }

  static GraphSummary of(WindowGraph wg, TenantLog.Snapshot snap, long lag) {
    Optional<Instant> latest = snap.latest() == Long.MIN_VALUE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(Math.floorDiv(snap.latest(), 1_000_000_000L),
            Math.floorMod(snap.latest(), 1_000_000_000L)));
    return new GraphSummary(wg.nodeCount(), wg.graph.directedEdgeCount(), wg.eventsInWindow, snap.watermark(),
        latest, lag);
  }
}
