package io.convener.core.pulse;

import io.convener.api.MemberId;
import io.convener.api.pulse.PulseMetrics;
import io.convener.api.pulse.PulseRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one pulse reads from a rollup, under its monitor: the window's figures and metrics, the
 * baseline (the mean of the three windows before; a window that starts before the UTC day of the
 * tenant's first event is left out, for lack of history, and so is one in which fewer than k
 * members belonged to the scope), each window with the members of its own time, and the members active in the baseline
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

  /**
   * Reads the window {@code [asOf − w, asOf)} and the three windows before it, each with the
   * members who belonged to the scope in it (see {@link ScopeMembers}). A baseline window in which
   * fewer than k members belonged is left out, as is one before the tenant's history; call {@link
   * #tooSmall} first for the window itself.
   */
  static Windows read(TenantRollup rollup, ScopeMembers scope, PulseRequest request, int k, int silentAfter) {
    long until = until(request);
    long w = request.window().toMillis();
    ScopeMembers current = scope.during(until - w, until);
    WindowFigures now = WindowFigures.read(rollup, current, until - w, until, until);
    List<PulseMetrics> before = new ArrayList<>(3);
    long[] baselineEvents = new long[scope.size()];
    long history = Math.floorDiv(rollup.firstEventMillis(), TenantRollup.DAY_MILLIS) * TenantRollup.DAY_MILLIS;
    for (int i = 1; i <= 3; i++) {
      if (until - (i + 1) * w < history) {
        break;
      }
      ScopeMembers then = scope.during(until - (i + 1) * w, until - i * w);
      if (then.size() < k) {
        continue;
      }
      WindowFigures f = WindowFigures.read(rollup, then, until - (i + 1) * w, until - i * w, until);
      before.add(f.metrics(k));
      for (int m = 0; m < then.size(); m++) {
        baselineEvents[then == scope ? m : Arrays.binarySearch(scope.members(), then.members()[m])] += f.activity[m];
      }
    }
    List<Silent> silent = new ArrayList<>();
    for (int m = 0; m < current.size(); m++) {
      long events = baselineEvents[current == scope ? m : Arrays.binarySearch(scope.members(), current.members()[m])];
      if (now.activity[m] == 0 && events >= silentAfter) {
        silent.add(new Silent(rollup.id(current.members()[m]), events));
      }
    }
    return new Windows(now, now.metrics(k), RiskRules.mean(before), List.copyOf(silent), before.size());
  }

  /** Whether fewer than k members belonged to the scope in the request's window. */
  static boolean tooSmall(ScopeMembers scope, PulseRequest request, int k) {
    long until = until(request);
    return scope.during(until - request.window().toMillis(), until).size() < k;
  }

  /** The window's end in epoch milliseconds: asOf, rounded up to the millisecond. */
  private static long until(PulseRequest request) {
    return request.asOf().toEpochMilli() + (request.asOf().getNano() % 1_000_000 == 0 ? 0 : 1);
  }
}
