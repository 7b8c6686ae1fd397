package io.convener.benchmarks;

import io.convener.core.internal.graph.InteractionGraph;
import java.util.SplittableRandom;

/**
 * A seeded heavy-tailed interaction workload for the graph benchmarks, shaped like the synthetic
 * organisation: {@code interactions} directed interactions of weight 1 among {@code members}
 * nodes in teams of {@value #TEAM} consecutive ranks. The actor is drawn with a Zipf-like rank law
 * (rank = n·u², so P(rank ≤ x) = sqrt(x/n): a few members act very often); the target is a
 * teammate with probability {@value #IN_TEAM}, otherwise drawn by the same law half the time and
 * uniformly the other half. Ranks are scattered over node ids by a multiplicative permutation.
 * Repeated pairs are parallel edges that the graph sums.
 */
final class GraphWorkload {
  static final int TEAM = 12;
  static final double IN_TEAM = 0.6;

  final int members;
  final int[] from;
  final int[] to;

  private GraphWorkload(int members, int[] from, int[] to) {
    this.members = members;
    this.from = from;
    this.to = to;
  }

  static GraphWorkload heavyTailed(int members, int interactions, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] from = new int[interactions];
    int[] to = new int[interactions];
    long step = coprimeStep(members);
    for (int i = 0; i < interactions; i++) {
      int a;
      int b;
      do {
        int ra = rank(r, members);
        int rb;
        if (r.nextDouble() < IN_TEAM) {
          int team = ra / TEAM * TEAM;
          rb = Math.min(members - 1, team + r.nextInt(TEAM));
        } else {
          rb = r.nextBoolean() ? rank(r, members) : r.nextInt(members);
        }
        a = scatter(ra, step, members);
        b = scatter(rb, step, members);
      } while (a == b);
      from[i] = a;
      to[i] = b;
    }
    return new GraphWorkload(members, from, to);
  }

  int interactions() {
    return from.length;
  }

  InteractionGraph build() {
    InteractionGraph.Builder b = InteractionGraph.builder(members, from.length);
    for (int i = 0; i < from.length; i++) {
      b.add(from[i], to[i], 1.0);
    }
    return b.build();
  }

  private static int rank(SplittableRandom r, int n) {
    double u = r.nextDouble();
    return (int) Math.min(n - 1, (long) (n * u * u));
  }

  private static int scatter(int rank, long step, int n) {
    return (int) ((rank * step + 12345L) % n);
  }

  private static long coprimeStep(int n) {
    long step = 2_654_435_761L % Math.max(1, n);
    while (n > 1 && gcd(step, n) != 1) {
      step++;
    }
    return Math.max(1, step);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
