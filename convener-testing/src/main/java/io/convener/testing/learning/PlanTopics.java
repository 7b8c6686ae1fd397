package io.convener.testing.learning;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The topic draws of a {@link PlanGenerator}, on the generator's own random source: artifact tags
 * (the first from a skewed topic popularity), the tags of a piece of work, distinct topics. Not
 * thread-safe; not API.
 */
final class PlanTopics {
  private final SplittableRandom rng;
  private final int topics;

  PlanTopics(SplittableRandom rng, int topics) {
    this.rng = rng;
    this.topics = topics;
  }

  static String topic(int i) {
    return String.format("topic-%02d", i);
  }

  /** One to three topics; the first is skewed: the square of a uniform favours low topic numbers. */
  List<String> artifactTags() {
    Set<String> tags = new LinkedHashSet<>();
    double u = rng.nextDouble();
    tags.add(topic((int) (u * u * topics)));
    int extra = rng.nextInt(3);
    for (int i = 0; i < extra; i++) {
      tags.add(topic(rng.nextInt(topics)));
    }
    return List.copyOf(tags);
  }

  /** One interest drawn by weight, and in 30% of the cases a topic the member does not care about. */
  List<String> workTags(int[] interests, double[] weights) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add(topic(interests[weighted(weights)]));
    if (rng.nextDouble() < 0.3) {
      tags.add(topic(rng.nextInt(topics)));
    }
    return List.copyOf(tags);
  }

  private int weighted(double[] w) {
    double x = rng.nextDouble();
    for (int i = 0; i < w.length - 1; i++) {
      x -= w[i];
      if (x < 0) {
        return i;
      }
    }
    return w.length - 1;
  }

  /** {@code n} distinct topics. */
  int[] distinct(int n) {
    Set<Integer> s = new HashSet<>();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int x;
      do {
        x = rng.nextInt(topics);
      } while (!s.add(x));
      out[i] = x;
    }
    return out;
  }

  /** A topic not in {@code taken}. */
  int distinctFrom(int[] taken) {
    int x;
    do {
      x = rng.nextInt(topics);
    } while (contains(taken, x));
    return x;
  }

  static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }
}
