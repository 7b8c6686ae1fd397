package io.convener.core.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Shapley enumerator on games whose values are known by hand. */
class ShapleyValueTest {
  @Test
  void gloveGame() {
    // Player 0 holds a left glove, players 1 and 2 a right glove each; a pair is worth 1.
    // Player 0 is pivotal in 4 of the 6 orderings (whenever not first): 2/3; the others 1/6 each.
    double[] phi = ShapleyValue.values(3, s -> (s & 1) != 0 && (s & 6) != 0 ? 1 : 0);
    assertThat(phi).containsExactly(new double[] {2 / 3.0, 1 / 6.0, 1 / 6.0}, within(1e-12));
  }

  @Test
  void majorityGameIsSymmetric() {
    // Any two of three win: each player is pivotal as the second of an ordering, 1/3 each.
    double[] phi = ShapleyValue.values(3, s -> Integer.bitCount(s) >= 2 ? 1 : 0);
    assertThat(phi).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
  }

  @Test
  void dummyPlayerGetsNothingAndAdditiveGameGivesEachItsOwnWorth() {
    double[] own = {3, 0, 5, 2};
    double[] phi = ShapleyValue.values(4, s -> {
      double v = 0;
      for (int i = 0; i < 4; i++) {
        v += (s & (1 << i)) != 0 ? own[i] : 0;
      }
      return v;
    });
    assertThat(phi).containsExactly(own, within(1e-12));
  }

  @Test
  void bestGameFollowsTheAirportFormula() {
    // v(S) = max p: with p sorted descending, phi_(k) = sum over j >= k of (p_(j) - p_(j+1)) / j.
    double[] p = {0.2, 0.9, 0.5, 0.7};
    double[] phi = ShapleyValue.values(4, ShapleyValue.best(p));
    double d = 0.2 / 4;
    double c = d + (0.5 - 0.2) / 3;
    double b = c + (0.7 - 0.5) / 2;
    double a = b + (0.9 - 0.7);
    assertThat(phi).containsExactly(new double[] {d, a, c, b}, within(1e-12));
  }

  @Test
  void refusesGamesTooLargeToEnumerate() {
    assertThatThrownBy(() -> ShapleyValue.values(ShapleyValue.MAX_PLAYERS + 1, s -> 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be");
  }
}
