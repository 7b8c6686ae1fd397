package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.model.Member;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.signal.SignalWindow;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared steps of every champion request: the tenant's current snapshot, the window's scoring
 * graph (exclusions and diminishing returns applied), its structure (PageRank always current), the
 * plugin signals, and the scores. Thread-safe.
 */
final class Pipeline {
  private final TenantLogs logs;
  private final StructureCache structures;
  private final SignalRunner signals;
  private final WindowCache windows;
  private final Telemetry telemetry;

  @Inject
  Pipeline(TenantLogs logs, StructureCache structures, SignalRunner signals, WindowCache windows, Telemetry telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
    this.logs = requireNonNull(logs, "logs");
    this.structures = requireNonNull(structures, "structures");
    this.signals = requireNonNull(signals, "signals");
    this.windows = requireNonNull(windows, "windows");
  }

  TenantLogs logs() {
    return logs;
  }

  StructureCache structures() {
    return structures;
  }

  /** Scores every member of the tenant for the window {@code [asOf - window, asOf)}. */
  Scored score(TenantId tenant, Instant asOf, Duration window, ChampionSettings settings) {
    Instant from = asOf.minus(window);
    TenantLog.Snapshot snap = telemetry.inSpan("champion.snapshot", () -> logs.snapshot(tenant));
    boolean[] excluded = excluded(snap.roster(), settings);
    double decay = settings.thresholds().repeatDecay();
    long f = EventColumns.nanos(from);
    long u = EventColumns.nanos(asOf);
    String fingerprint = "decay=" + decay + ";excluded=" + settings.excluded();
    WindowGraph wg = telemetry.inSpan("champion.graph", () -> windows.graph(tenant, snap, f, u, excluded, decay,
        fingerprint));
    Structure st = telemetry.inSpan("champion.structure", () -> structures.structure(tenant, wg, fingerprint,
        snap.watermark(), f, u - f, settings.thresholds().structuralRefresh()));
    if (wg.nodeCount() > 0 && Double.isNaN(st.pageRank()[0])) {
      throw new IllegalStateException("PageRank did not converge on the tenant's graph; no ranking can be given");
    }
    SignalRunner.Values values = telemetry.inSpan("champion.signals",
        () -> signals.run(tenant, new SignalWindow(from, asOf),
            new SnapshotWindowEvents(snap.events(), snap.roster(), f, u), wg, snap.roster(), settings));
    Scoring scoring = new Scoring(wg, st, settings, values.names(), values.weights(), values.values());
    return new Scored(snap, wg, st, scoring, values, from, asOf, teams(snap.roster()));
  }

  private static boolean[] excluded(Roster.View roster, ChampionSettings settings) {
    if (settings.excluded().isEmpty()) {
      return null;
    }
    boolean[] x = new boolean[roster.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = settings.excluded().contains(roster.member(i).id());
    }
    return x;
  }

  /** The first team of each roster member as a dense index, or -1. */
  private static int[] teams(Roster.View roster) {
    Map<TeamId, Integer> ids = new HashMap<>();
    int[] t = new int[roster.size()];
    for (int i = 0; i < t.length; i++) {
      Member m = roster.member(i);
      t[i] = m.teams().isEmpty() ? -1 : ids.computeIfAbsent(m.teams().get(0), k -> ids.size());
    }
    return t;
  }

  /**
   * A scored window.
   *
   * @param snapshot the tenant's data
   * @param graph the scoring graph and counts
   * @param structure PageRank, betweenness, constraint, communities
   * @param scoring components, scores, roles, personas
   * @param signals the plugin signals' values
   * @param from the window start
   * @param until the window end (exclusive)
   * @param teamOfRoster first team per roster index, for the connector test
   */
  record Scored(
      TenantLog.Snapshot snapshot,
      WindowGraph graph,
      Structure structure,
      Scoring scoring,
      SignalRunner.Values signals,
      Instant from,
      Instant until,
      int[] teamOfRoster) {}
}
