package io.convener.testing.learning;

import io.convener.api.model.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Plans the events of a {@link PlanScenario}. Every member has hidden interests (two topics of their
 * team's three and one of their own, weighted) and one topic they are about to move into (the
 * planned topic). Artifacts carry one to three topics, the first drawn from a skewed topic
 * popularity, and a hidden quality (log-normal). Before T, members write about their interests
 * and apply artifacts in proportion to quality times interest; after T, each applies one to five
 * more, chosen by quality times interest (interests and the planned topic, {@value #BY_INTEREST}),
 * by popularity so far ({@value #BY_POPULARITY}) or at random (the rest). Times are epoch
 * seconds. Not thread-safe; not API.
 */
final class PlanGenerator {
  static final long DAY = 86_400;
  /** The share of later applications chosen by quality × interest. */
  static final double BY_INTEREST = 0.7;
  /** The share of later applications chosen by popularity. */
  static final double BY_POPULARITY = 0.2;
  /** The weight of an artifact outside every interest, beside an interest share in [0, 1]. */
  private static final double FLOOR = 0.005;

  /** One event before ids are given: artifacts are referred to by object. */
  static final class Draft {
    final long at;
    final EventKind kind;
    final int actor;
    final List<String> tags;
    final List<Draft> refs = new ArrayList<>();
    double quality;
    int applications;
    String id = "";

    Draft(long at, EventKind kind, int actor, List<String> tags) {
      this.at = at;
      this.kind = kind;
      this.actor = actor;
      this.tags = tags;
    }
  }

  private final PlanScenario.Builder b;
  private final SplittableRandom rng;
  private final PlanTopics topics;
  private final int members;
  final List<Draft> events = new ArrayList<>();
  final List<Draft> artifacts = new ArrayList<>();
  /** Per member: topic indices of interests, and their weights. */
  final List<int[]> interests = new ArrayList<>();
  final List<double[]> weights = new ArrayList<>();
  final int[] planned;
  /** Per member: the artifacts applied before T, and after T (the truth). */
  final List<Set<Draft>> before = new ArrayList<>();
  final List<Set<Draft>> after = new ArrayList<>();

  PlanGenerator(PlanScenario.Builder b) {
    this.b = b;
    this.rng = new SplittableRandom(b.seed);
    this.topics = new PlanTopics(rng, b.topics);
    this.members = b.teams * b.teamSize;
    this.planned = new int[members];
    int[][] teamTopics = new int[b.teams][];
    for (int t = 0; t < b.teams; t++) {
      teamTopics[t] = topics.distinct(3);
    }
    for (int m = 0; m < members; m++) {
      int[] team = teamTopics[m / b.teamSize];
      int first = rng.nextInt(3);
      int own = topics.distinctFrom(team);
      interests.add(new int[] {team[first], team[(first + 1 + rng.nextInt(2)) % 3], own});
      weights.add(new double[] {0.5, 0.3, 0.2});
      int p;
      do {
        p = rng.nextInt(b.topics);
      } while (PlanTopics.contains(interests.get(m), p));
      planned[m] = p;
      before.add(new LinkedHashSet<>());
      after.add(new LinkedHashSet<>());
    }
  }

  static String topic(int i) {
    return PlanTopics.topic(i);
  }

  void run() {
    long t = b.asOf.getEpochSecond();
    for (int i = 0; i < b.artifacts; i++) {
      long at = t - (long) (rng.nextDouble() * 360 * DAY);
      Draft a = add(new Draft(at, EventKind.LEARNING, rng.nextInt(members), topics.artifactTags()));
      a.quality = Math.exp(0.8 * rng.nextGaussian());
      artifacts.add(a);
    }
    for (int m = 0; m < members; m++) {
      int work = 5 + rng.nextInt(20);
      for (int i = 0; i < work; i++) {
        long at = t - 1 - (long) (rng.nextDouble() * 80 * DAY);
        add(new Draft(at, EventKind.MESSAGE, m, topics.workTags(interests.get(m), weights.get(m))));
      }
    }
    for (int round = 0; round < 6; round++) {
      for (int m = 0; m < members; m++) {
        apply(m, t - 1 - (long) (rng.nextDouble() * 120 * DAY), false, before.get(m));
      }
    }
    for (int m = 0; m < members; m++) {
      int k = 1 + rng.nextInt(5);
      for (int i = 0; i < k; i++) {
        double u = rng.nextDouble();
        @Nullable Draft a = u < 0.6 ? choose(m, Long.MAX_VALUE, true) : u < 0.85 ? popular(m) : random(m);
        if (a != null) {
          Draft ap = add(new Draft(t + 1 + (long) (rng.nextDouble() * 60 * DAY), EventKind.APPLIED, m, a.tags));
          ap.refs.add(a);
          after.get(m).add(a);
        }
      }
    }
  }

  /**
   * The ceiling: the {@code k} artifacts new to the member at T most likely to be applied after T
   * under the generator's own hidden model (interests, planned topic, quality and popularity).
   */
  List<Draft> oracle(int m, int k) {
    double interestTotal = 0;
    double popularTotal = 0;
    int fresh = 0;
    for (Draft a : artifacts) {
      if (a.actor != m && !before.get(m).contains(a)) {
        interestTotal += a.quality * (interest(m, a, true) + FLOOR);
        popularTotal += a.applications + 0.1;
        fresh++;
      }
    }
    double it = interestTotal;
    double pt = popularTotal;
    double rt = fresh;
    return artifacts.stream().filter(a -> a.actor != m && !before.get(m).contains(a))
        .sorted(java.util.Comparator.comparingDouble((Draft a) ->
            BY_INTEREST * a.quality * (interest(m, a, true) + FLOOR) / it
                + BY_POPULARITY * (a.applications + 0.1) / pt + (1 - BY_INTEREST - BY_POPULARITY) / rt).reversed())
        .limit(k).toList();
  }

  private void apply(int m, long at, boolean withPlan, Set<Draft> into) {
    @Nullable Draft a = choose(m, at, withPlan);
    if (a != null) {
      Draft ap = add(new Draft(at, EventKind.APPLIED, m, a.tags));
      ap.refs.add(a);
      a.applications++;
      into.add(a);
    }
  }

  /** An artifact published before {@code at}, new to the member, drawn by quality × interest. */
  private @Nullable Draft choose(int m, long at, boolean withPlan) {
    double total = 0;
    double[] w = new double[artifacts.size()];
    for (int i = 0; i < w.length; i++) {
      Draft a = artifacts.get(i);
      if (a.at < Math.min(at, b.asOf.getEpochSecond()) && fresh(m, a)) {
        w[i] = a.quality * (interest(m, a, withPlan) + FLOOR);
        total += w[i];
      }
    }
    return pick(w, total);
  }

  private @Nullable Draft popular(int m) {
    double total = 0;
    double[] w = new double[artifacts.size()];
    for (int i = 0; i < w.length; i++) {
      Draft a = artifacts.get(i);
      if (fresh(m, a)) {
        w[i] = a.applications + 0.1;
        total += w[i];
      }
    }
    return pick(w, total);
  }

  private @Nullable Draft random(int m) {
    double[] w = new double[artifacts.size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = fresh(m, artifacts.get(i)) ? 1 : 0;
      total += w[i];
    }
    return pick(w, total);
  }

  private boolean fresh(int m, Draft a) {
    return a.actor != m && !before.get(m).contains(a) && !after.get(m).contains(a);
  }

  private @Nullable Draft pick(double[] w, double total) {
    if (total <= 0) {
      return null;
    }
    double x = rng.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      x -= w[i];
      if (x < 0 && w[i] > 0) {
        return artifacts.get(i);
      }
    }
    return null;
  }

  /** The share of the artifact's topics the member cares about, by interest weight (planned topic 0.5). */
  private double interest(int m, Draft a, boolean withPlan) {
    double s = 0;
    for (String tag : a.tags) {
      int topic = Integer.parseInt(tag.substring(6));
      int[] in = interests.get(m);
      for (int i = 0; i < in.length; i++) {
        if (in[i] == topic) {
          s += weights.get(m)[i];
        }
      }
      if (withPlan && planned[m] == topic) {
        s += 0.5;
      }
    }
    return s / a.tags.size();
  }

  private Draft add(Draft d) {
    events.add(d);
    return d;
  }
}
