package io.convener.core.internal.learning;

import java.util.function.IntToDoubleFunction;

/**
 * Exact Shapley values of a cooperative game of up to {@value #MAX_PLAYERS} players, by
 * enumeration of coalitions: {@code phi_i = sum over S not containing i of |S|! (n-|S|-1)! / n! *
 * (v(S + i) - v(S))}. Coalitions are bit masks (bit {@code i} set: player {@code i} is in). Stateless.
 */
final class ShapleyValue {
  /** The largest game computed exactly: 2^16 coalitions. */
  static final int MAX_PLAYERS = 16;

  private ShapleyValue() {}

  /**
   * The Shapley value of each player.
   *
   * @param n the number of players, 0 to {@value #MAX_PLAYERS}
   * @param worth the characteristic function {@code v}, called once per coalition; {@code v(0)} is
   *     taken as given (normally 0)
   */
  static double[] values(int n, IntToDoubleFunction worth) {
    if (n < 0 || n > MAX_PLAYERS) {
      throw new IllegalArgumentException("n must be in [0, " + MAX_PLAYERS + "], got " + n);
    }
    int coalitions = 1 << n;
    double[] v = new double[coalitions];
    for (int s = 0; s < coalitions; s++) {
      v[s] = worth.applyAsDouble(s);
    }
    double[] weight = new double[n];
    for (int size = 0; size < n; size++) {
      // size! (n - size - 1)! / n!  =  1 / (n * C(n-1, size))
      weight[size] = 1.0 / (n * binomial(n - 1, size));
    }
    double[] phi = new double[n];
    for (int s = 0; s < coalitions; s++) {
      int size = Integer.bitCount(s);
      for (int i = 0; i < n; i++) {
        if ((s & (1 << i)) == 0) {
          phi[i] += weight[size] * (v[s | (1 << i)] - v[s]);
        }
      }
    }
    return phi;
  }

  /** The best-explanation game: {@code v(S) = max over i in S of p_i}, and {@code v(empty) = 0}. */
  static IntToDoubleFunction best(double[] p) {
    return s -> {
      double best = 0;
      for (int i = 0; i < p.length; i++) {
        if ((s & (1 << i)) != 0) {
          best = Math.max(best, p[i]);
        }
      }
      return best;
    };
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
