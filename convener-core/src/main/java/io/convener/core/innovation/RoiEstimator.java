package io.convener.core.innovation;

import io.convener.api.TeamId;
import io.convener.api.innovation.InnovationRoi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Difference in differences with staggered adoption. For each adopting team {@code i} (first
 * adoption at {@code a}), its change {@code Δi} is the mean outcome in {@code (a, a + after]} minus
 * the mean in {@code [a − before, a)}; each comparison team (one that never adopted) with outcomes
 * in both of those windows gives its own change {@code Δc,i}. The effect is the mean over adopting
 * teams of {@code Δi − mean_c Δc,i}. The interval is the 2.5th to 97.5th percentile of {@value
 * #RESAMPLES} bootstrap resamples that draw adopting and comparison teams with replacement, from a
 * {@link Random} seeded by the caller. Pure: computed on demand from the series it is given.
 */
final class RoiEstimator {
  static final int RESAMPLES = 2000;

  /** One outcome value of a team. */
  record Point(Instant at, double value) {}

  private final Duration before;
  private final Duration after;

  RoiEstimator(Duration before, Duration after) {
    this.before = before;
    this.after = after;
  }

  /** The estimate and the team counts; {@code outcomes} holds every team's values. */
  record Result(int adopting, int comparison, Optional<InnovationRoi.Estimate> estimate, Optional<String> reason) {}

  Result estimate(Map<TeamId, Instant> adoptedAt, Map<TeamId, List<Point>> outcomes, long seed) {
    List<TeamId> controls = outcomes.keySet().stream().filter(t -> !adoptedAt.containsKey(t)).sorted().toList();
    List<Double> own = new ArrayList<>();
    List<double[]> versus = new ArrayList<>();
    boolean[] usedControl = new boolean[controls.size()];
    for (Map.Entry<TeamId, Instant> a : adoptedAt.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      OptionalChange mine = change(outcomes.getOrDefault(a.getKey(), List.of()), a.getValue());
      if (!mine.present) {
        continue;
      }
      double[] deltas = new double[controls.size()];
      boolean any = false;
      for (int c = 0; c < controls.size(); c++) {
        OptionalChange theirs = change(outcomes.get(controls.get(c)), a.getValue());
        deltas[c] = theirs.present ? theirs.value : Double.NaN;
        any |= theirs.present;
        usedControl[c] |= theirs.present;
      }
      if (any) {
        own.add(mine.value);
        versus.add(deltas);
      }
    }
    int comparison = 0;
    for (boolean u : usedControl) {
      comparison += u ? 1 : 0;
    }
    if (own.size() < InnovationRoi.MIN_TEAMS || comparison < InnovationRoi.MIN_TEAMS) {
      return new Result(own.size(), comparison, Optional.empty(), Optional.of(String.format(
          "not enough data: needs at least %d adopting and %d comparison teams with outcomes in both windows, has %d and %d",
          InnovationRoi.MIN_TEAMS, InnovationRoi.MIN_TEAMS, own.size(), comparison)));
    }
    int[] allA = range(own.size());
    int[] allC = range(controls.size());
    double effect = did(own, versus, allA, allC);
    double naive = own.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    Random random = new Random(seed);
    double[] draws = new double[RESAMPLES];
    int kept = 0;
    for (int b = 0; b < RESAMPLES; b++) {
      double d = did(own, versus, draw(random, own.size()), draw(random, controls.size()));
      if (!Double.isNaN(d)) {
        draws[kept++] = d;
      }
    }
    double[] sorted = Arrays.copyOf(draws, kept);
    Arrays.sort(sorted);
    double low = sorted[(int) Math.floor(0.025 * (kept - 1))];
    double high = sorted[(int) Math.ceil(0.975 * (kept - 1))];
    return new Result(own.size(), comparison, Optional.of(new InnovationRoi.Estimate(effect, low, high, naive,
        "bootstrap over teams, " + RESAMPLES + " resamples, 95% percentile interval")), Optional.empty());
  }

  private static double did(List<Double> own, List<double[]> versus, int[] adopters, int[] controls) {
    double sum = 0;
    int n = 0;
    for (int i : adopters) {
      double[] deltas = versus.get(i);
      double c = 0;
      int m = 0;
      for (int j : controls) {
        if (!Double.isNaN(deltas[j])) {
          c += deltas[j];
          m++;
        }
      }
      if (m > 0) {
        sum += own.get(i) - c / m;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private record OptionalChange(boolean present, double value) {}

  private OptionalChange change(List<Point> points, Instant at) {
    Instant from = at.minus(before);
    Instant until = at.plus(after);
    double pre = 0;
    double post = 0;
    int np = 0;
    int nq = 0;
    for (Point p : points) {
      if (!p.at().isBefore(from) && p.at().isBefore(at)) {
        pre += p.value();
        np++;
      } else if (p.at().isAfter(at) && !p.at().isAfter(until)) {
        post += p.value();
        nq++;
      }
    }
    return np == 0 || nq == 0 ? new OptionalChange(false, 0) : new OptionalChange(true, post / nq - pre / np);
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> i);
    return r;
  }

  private static int[] draw(Random random, int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> random.nextInt(n));
    return r;
  }
}
