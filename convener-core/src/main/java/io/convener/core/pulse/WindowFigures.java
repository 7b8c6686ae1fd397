package io.convener.core.pulse;

import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseMetrics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one window {@code [from, until)} for a scope's members (each in the spans they
 * belonged to it), read from a {@link TenantRollup} (under its monitor), and the metrics they give. Answers count only when they came
 * before {@code cutoff} (the report's as-of instant). Not thread-safe; used once.
 */
final class WindowFigures {
  static final long RESPONSE_WINDOW_MILLIS = 48 * 3_600_000L;

  final long[] activity;
  int messages;
  int answeredInTime;
  int judgedMessages;
  final double[] delaysMinutes;
  int answered;
  int ties;
  int returnedTies;
  int scored;
  double scoreSum;
  final Map<Integer, double[]> dailyScores = new HashMap<>();
  final List<byte[]> surveys = new ArrayList<>();

  private WindowFigures(int members, int maxMessages) {
    this.activity = new long[members];
    this.delaysMinutes = new double[maxMessages];
  }

  /**
   * Reads the window's figures for the scope's members: each member's events count only in the
   * spans of the window in which they belonged to the scope.
   */
  static WindowFigures read(TenantRollup rollup, ScopeMembers scope, long from, long until, long cutoff) {
    int[] members = scope.members();
    int firstDay = (int) Math.floorDiv(from, TenantRollup.DAY_MILLIS);
    int lastDay = (int) Math.floorDiv(until - 1, TenantRollup.DAY_MILLIS);
    int maxMessages = 0;
    for (int m : members) {
      Track track = rollup.track(m);
      for (int k = track.from(firstDay), end = track.to(lastDay); k < end; k++) {
        maxMessages += track.dayAt(k).messages;
      }
    }
    WindowFigures f = new WindowFigures(members.length, maxMessages);
    // Each scope member's ties within their spans; and anyone's ties over the whole window, to
    // tell whether a tie was returned.
    Map<Integer, Set<Integer>> own = new HashMap<>();
    Map<Integer, Set<Integer>> whole = new HashMap<>();
    for (int i = 0; i < members.length; i++) {
      long[] parts = scope.within(i, from, until);
      Set<Integer> ties = new HashSet<>();
      Track.Survey latest = null;
      for (int j = 0; j < parts.length; j += 2) {
        Track.Survey s = f.readMember(rollup, i, members[i], parts[j], parts[j + 1], cutoff, ties);
        if (s != null && (latest == null || s.atMillis() >= latest.atMillis())) {
          latest = s;
        }
      }
      if (latest != null) {
        f.surveys.add(latest.items());
      }
      own.put(members[i], ties);
      if (parts.length == 2 && parts[0] == from && parts[1] == until) {
        whole.put(members[i], ties);
      }
    }
    f.reciprocity(rollup, members, from, until, own, whole);
    return f;
  }

  /**
   * Adds member m's figures in {@code [from, until)} (as member i of the window), their tie
   * targets to {@code ties}; returns their latest survey response in it, if any.
   */
  private Track.@Nullable Survey readMember(TenantRollup rollup, int i, int m, long from, long until, long cutoff,
      Set<Integer> ties) {
    int firstDay = (int) Math.floorDiv(from, TenantRollup.DAY_MILLIS);
    int lastDay = (int) Math.floorDiv(until - 1, TenantRollup.DAY_MILLIS);
    Track track = rollup.track(m);
    for (int k = track.from(firstDay), end = track.to(lastDay); k < end; k++) {
      int epochDay = track.epochDay(k);
      long base = epochDay * TenantRollup.DAY_MILLIS;
      Day d = track.dayAt(k);
      boolean whole = base >= from && base + TenantRollup.DAY_MILLIS <= until;
      if (whole) {
        activity[i] += d.activity;
      } else {
        for (int j = 0; j < d.activity; j++) {
          activity[i] += in(base + d.activityTimes[j], from, until) ? 1 : 0;
        }
      }
      for (int j = 0; j < d.scored; j++) {
        if (whole || in(base + d.scoreTimes[j], from, until)) {
          scored++;
          scoreSum += d.scores[j];
          double[] day = dailyScores.computeIfAbsent(epochDay, x -> new double[2]);
          day[0] += d.scores[j];
          day[1]++;
        }
      }
      readMessages(d, base, whole, from, until, cutoff);
    }
    ties.addAll(targetsOf(track, from, until));
    Track.Survey latest = null;
    for (Track.Survey s : track.surveys) {
      if (in(s.atMillis(), from, until) && (latest == null || s.atMillis() >= latest.atMillis())) {
        latest = s;
      }
    }
    return latest;
  }

  private void readMessages(Day d, long base, boolean whole, long from, long until, long cutoff) {
    for (int j = 0; j < d.messages; j++) {
      long at = base + d.messageTimes[j];
      if (!whole && !in(at, from, until)) {
        continue;
      }
      messages++;
      long answer = d.answeredAt[j];
      boolean known = answer >= 0 && answer < cutoff;
      boolean inTime = known && answer - at <= RESPONSE_WINDOW_MILLIS;
      if (inTime) {
        answeredInTime++;
      }
      if (inTime || at + RESPONSE_WINDOW_MILLIS <= cutoff) {
        judgedMessages++;
      }
      if (known) {
        delaysMinutes[answered++] = (answer - at) / 60_000.0;
      }
    }
  }

  private void reciprocity(TenantRollup rollup, int[] members, long from, long until,
      Map<Integer, Set<Integer>> own, Map<Integer, Set<Integer>> whole) {
    for (int m : members) {
      for (int t : own.get(m)) {
        ties++;
        Set<Integer> back = whole.computeIfAbsent(t, x -> targetsOf(rollup.track(x), from, until));
        if (back.contains(m)) {
          returnedTies++;
        }
      }
    }
  }

  private static Set<Integer> targetsOf(Track track, long from, long until) {
    int firstDay = (int) Math.floorDiv(from, TenantRollup.DAY_MILLIS);
    int lastDay = (int) Math.floorDiv(until - 1, TenantRollup.DAY_MILLIS);
    Set<Integer> out = new HashSet<>();
    for (int k = track.from(firstDay), end = track.to(lastDay); k < end; k++) {
      long base = track.epochDay(k) * TenantRollup.DAY_MILLIS;
      Day d = track.dayAt(k);
      for (int j = 0; j < d.ties; j++) {
        if (in(base + d.tieTimes[j], from, until)) {
          out.add(d.tieTargets[j]);
        }
      }
    }
    return out;
  }

  private static boolean in(long at, long from, long until) {
    return at >= from && at < until;
  }

  /** The metrics; survey scores only with at least {@code k} respondents. */
  PulseMetrics metrics(int k) {
    Map<PulseMetric, Double> v = new EnumMap<>(PulseMetric.class);
    int n = activity.length;
    long total = 0;
    int active = 0;
    for (long a : activity) {
      total += a;
      active += a > 0 ? 1 : 0;
    }
    v.put(PulseMetric.MEMBERS, (double) n);
    v.put(PulseMetric.ACTIVE_MEMBERS, (double) active);
    if (n > 0) {
      v.put(PulseMetric.PARTICIPATION_RATE, active / (double) n);
      v.put(PulseMetric.EVENTS_PER_MEMBER, total / (double) n);
    }
    if (judgedMessages > 0) {
      v.put(PulseMetric.RESPONSE_RATE, answeredInTime / (double) judgedMessages);
    }
    PulseMath.median(delaysMinutes, answered).ifPresent(x -> v.put(PulseMetric.MEDIAN_RESPONSE_MINUTES, x));
    if (ties > 0) {
      v.put(PulseMetric.RECIPROCITY, returnedTies / (double) ties);
    }
    PulseMath.gini(activity).ifPresent(x -> v.put(PulseMetric.TURN_TAKING_GINI, x));
    PulseMath.absenceFactor(activity).ifPresent(x -> v.put(PulseMetric.ABSENCE_FACTOR, (double) x));
    if (scored > 0) {
      v.put(PulseMetric.SENTIMENT, scoreSum / scored);
    }
    sentimentTrend().ifPresent(x -> v.put(PulseMetric.SENTIMENT_TREND, x));
    v.put(PulseMetric.RESPONDENTS, (double) surveys.size());
    if (surveys.size() >= k) {
      PsychSafety.teamScore(surveys).ifPresent(x -> v.put(PulseMetric.PSYCH_SAFETY, x));
      PsychSafety.agreement(surveys).ifPresent(x -> v.put(PulseMetric.PSYCH_SAFETY_AGREEMENT, x));
    }
    return new PulseMetrics(v);
  }

  /** Slope of the daily mean sentiment over the day number, times 7: change per week. */
  private OptionalDouble sentimentTrend() {
    int count = dailyScores.size();
    double[] x = new double[count];
    double[] y = new double[count];
    int i = 0;
    for (Map.Entry<Integer, double[]> e : dailyScores.entrySet()) {
      x[i] = e.getKey();
      y[i++] = e.getValue()[0] / e.getValue()[1];
    }
    OptionalDouble s = PulseMath.slope(x, y, count);
    return s.isPresent() ? OptionalDouble.of(7 * s.getAsDouble()) : s;
  }
}
