package io.convener.core.internal.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One level of {@link Louvain}: a symmetric weighted graph in compressed sparse rows without
 * self-loop entries, each node's self-loop weight kept apart (the weight inside an aggregated
 * community, counted from both ends), and strengths including it.
 */
final class Level {
  /** Least modularity gain of a round of n node evaluations for local moving to go on. */
  static final double ROUND_THRESHOLD = 1e-6;
  final int n;
  private final int[] offsets;
  private final int[] targets;
  private final double[] weights;
  private final double[] self;
  private final double[] strength;
  private final double total;

  private Level(int n, int[] offsets, int[] targets, double[] weights, double[] self) {
    this.n = n;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.self = self;
    this.strength = new double[n];
    double sum = 0;
    for (int v = 0; v < n; v++) {
      double s = self[v];
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        s += weights[e];
      }
      strength[v] = s;
      sum += s;
    }
    this.total = sum;
  }

  static Level of(InteractionGraph g) {
    double[] w = new double[g.targets.length];
    for (int e = 0; e < w.length; e++) {
      w[e] = g.undirected(e);
    }
    return new Level(g.n, g.offsets, g.targets, w, new double[g.n]);
  }

  double modularity(int[] community) {
    if (total == 0) {
      throw new IllegalArgumentException("modularity is undefined for a graph without edges");
    }
    int count = 0;
    for (int c : community) {
      count = Math.max(count, c + 1);
    }
    double[] inside = new double[count];
    double[] degree = new double[count];
    for (int v = 0; v < n; v++) {
      int c = community[v];
      degree[c] += strength[v];
      inside[c] += self[v];
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        if (community[targets[e]] == c) {
          inside[c] += weights[e];
        }
      }
    }
    double m = total / 2;
    double q = 0;
    for (int c = 0; c < count; c++) {
      q += inside[c] / 2 / m - (degree[c] / total) * (degree[c] / total);
    }
    return q;
  }

  /** Local moving from singletons until a full pass moves no node; the community of every node. */
  int[] moveNodes(SplittableRandom random) {
    int[] comm = new int[n];
    for (int v = 0; v < n; v++) {
      comm[v] = v;
    }
    moveNodes(random, comm);
    return comm;
  }

  /**
   * Local moving from the communities {@code comm} (labels in {@code 0..n-1}), updated in place;
   * returns whether any node moved. Nodes wait in a queue, first all in a seeded random order; a
   * node that moves puts its neighbours outside its new community back in the queue (the fast
   * local moving of Traag et al. 2019), so work goes where the partition still changes.
   */
  boolean moveNodes(SplittableRandom random, int[] comm) {
    double[] tot = new double[n];
    for (int v = 0; v < n; v++) {
      tot[comm[v]] += strength[v];
    }
    int[] queue = new int[n];
    for (int i = 0; i < n; i++) {
      queue[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = queue[i];
      queue[i] = queue[j];
      queue[j] = tmp;
    }
    boolean[] queued = new boolean[n];
    Arrays.fill(queued, true);
    int head = 0;
    int size = n;
    double[] linkTo = new double[n];
    int[] touched = new int[n];
    boolean any = false;
    // Modularity gained in the current round of n evaluations; a round gaining less than the
    // threshold ends the local moving (as a pass gaining less ends it in Blondel et al.'s code).
    double roundGain = 0;
    int evaluations = 0;
    while (size > 0) {
      if (++evaluations > n) {
        if (roundGain < ROUND_THRESHOLD) {
          break;
        }
        evaluations = 1;
        roundGain = 0;
      }
      int v = queue[head];
      head = head + 1 == n ? 0 : head + 1;
      size--;
      queued[v] = false;
      int own = comm[v];
      double k = strength[v];
      int touchedCount = 0;
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        int c = comm[targets[e]];
        if (linkTo[c] == 0) {
          touched[touchedCount++] = c;
        }
        linkTo[c] += weights[e];
      }
      tot[own] -= k;
      int best = own;
      double bestGain = linkTo[own] - tot[own] * k / total;
      double ownGain = bestGain;
      for (int i = 0; i < touchedCount; i++) {
        int c = touched[i];
        double gain = linkTo[c] - tot[c] * k / total;
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      tot[best] += k;
      for (int i = 0; i < touchedCount; i++) {
        linkTo[touched[i]] = 0;
      }
      if (best != own) {
        roundGain += 2 * (bestGain - ownGain) / total;
        comm[v] = best;
        any = true;
        for (int e = offsets[v]; e < offsets[v + 1]; e++) {
          int w = targets[e];
          if (!queued[w] && comm[w] != best) {
            queued[w] = true;
            int tail = head + size;
            queue[tail >= n ? tail - n : tail] = w;
            size++;
          }
        }
      }
    }
    return any;
  }

  /** The graph of communities {@code 0..count-1}. */
  Level aggregate(int[] comm, int count) {
    int[] start = new int[count + 1];
    for (int v = 0; v < n; v++) {
      start[comm[v] + 1]++;
    }
    for (int c = 0; c < count; c++) {
      start[c + 1] += start[c];
    }
    int[] members = new int[n];
    int[] cursor = Arrays.copyOf(start, count);
    for (int v = 0; v < n; v++) {
      members[cursor[comm[v]]++] = v;
    }
    double[] selfWeight = new double[count];
    double[] linkTo = new double[count];
    int[] touched = new int[count];
    int[] offs = new int[count + 1];
    int[] tgt = new int[Math.max(16, targets.length / 2)];
    double[] wts = new double[tgt.length];
    int size = 0;
    for (int c = 0; c < count; c++) {
      int touchedCount = 0;
      for (int i = start[c]; i < start[c + 1]; i++) {
        int v = members[i];
        selfWeight[c] += self[v];
        for (int e = offsets[v]; e < offsets[v + 1]; e++) {
          int d = comm[targets[e]];
          if (d == c) {
            selfWeight[c] += weights[e];
            continue;
          }
          if (linkTo[d] == 0) {
            touched[touchedCount++] = d;
          }
          linkTo[d] += weights[e];
        }
      }
      Arrays.sort(touched, 0, touchedCount);
      if (size + touchedCount > tgt.length) {
        int capacity = Math.max(size + touchedCount, tgt.length + (tgt.length >> 1));
        tgt = Arrays.copyOf(tgt, capacity);
        wts = Arrays.copyOf(wts, capacity);
      }
      for (int i = 0; i < touchedCount; i++) {
        int d = touched[i];
        tgt[size] = d;
        wts[size++] = linkTo[d];
        linkTo[d] = 0;
      }
      offs[c + 1] = size;
    }
    return new Level(count, offs, Arrays.copyOf(tgt, size), Arrays.copyOf(wts, size), selfWeight);
  }
}
