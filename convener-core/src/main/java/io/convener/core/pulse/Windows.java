package io.convener.core.pulse;

import io.convener.api.MemberId;
import io.convener.api.pulse.PulseMetrics;
import io.convener.api.pulse.PulseRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pulse reads from a rollup, under its monitor: the window's figures and metrics, the
 * baseline (the mean of the three windows before; a window that starts before the UTC day of the
 * tenant's first event is left out, for lack of history), and the members active in the baseline
 * but silent in the window. Immutable once read.
 *
 * @param figures the window's figures
 * @param now the window's metrics
 * @param baseline the baseline's metrics
 * @param silent members with at least the threshold of activity events over the three baseline
 *     windows and none in the window, each with their baseline count
 * @param baselineWindows how many of the three baseline windows had history (0 to 3)
 */
record Windows(WindowFigures figures, PulseMetrics now, PulseMetrics baseline, List<Silent> silent, int baselineWindows) {
  /** A member who went silent, with their activity events over the baseline. */
  record Silent(MemberId member, long baselineEvents) {}

  /** Reads the window {@code [asOf − w, asOf)} and the three windows before it. */
  static Windows read(TenantRollup rollup, int[] members, PulseRequest request, int k, int silentAfter) {
    long until = request.asOf().toEpochMilli() + (request.asOf().getNano() % 1_000_000 == 0 ? 0 : 1);
    long w = request.window().toMillis();
    WindowFigures now = WindowFigures.read(rollup, members, until - w, until, until);
    List<PulseMetrics> before = new ArrayList<>(3);
    long[] baselineEvents = new long[members.length];
    long history = Math.floorDiv(rollup.firstEventMillis(), TenantRollup.DAY_MILLIS) * TenantRollup.DAY_MILLIS;
    for (int i = 1; i <= 3; i++) {
      if (until - (i + 1) * w < history) {
        break;
      }
      WindowFigures f = WindowFigures.read(rollup, members, until - (i + 1) * w, until - i * w, until);
      before.add(f.metrics(k));
      for (int m = 0; m < members.length; m++) {
        baselineEvents[m] += f.activity[m];
      }
    }
    List<Silent> silent = new ArrayList<>();
    for (int m = 0; m < members.length; m++) {
      if (now.activity[m] == 0 && baselineEvents[m] >= silentAfter) {
        silent.add(new Silent(rollup.id(members[m]), baselineEvents[m]));
      }
    }
    return new Windows(now, now.metrics(k), RiskRules.mean(before), List.copyOf(silent), before.size());
  }
}
