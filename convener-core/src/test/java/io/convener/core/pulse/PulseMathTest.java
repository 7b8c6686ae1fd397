package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The formulas against hand-computed values (docs/pulse.md shows the working). */
class PulseMathTest {
  @Test
  void giniOfTheHandCases() {
    // Σ|xi−xj| over ordered pairs / (2 n² μ): [0,0,0,20] → 120 / (2·16·5) = 0.75.
    assertThat(PulseMath.gini(new long[] {0, 0, 0, 20}).getAsDouble()).isCloseTo(0.75, within(1e-12));
    // [1,2,3,4] → 20 / (2·16·2.5) = 0.25, in any order.
    assertThat(PulseMath.gini(new long[] {3, 1, 4, 2}).getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(PulseMath.gini(new long[] {10, 10, 10, 10}).getAsDouble()).isCloseTo(0, within(1e-12));
    // One member does everything among n: (n − 1) / n.
    assertThat(PulseMath.gini(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 7}).getAsDouble()).isCloseTo(0.9, within(1e-12));
    assertThat(PulseMath.gini(new long[] {0, 0})).isEqualTo(OptionalDouble.empty());
    assertThat(PulseMath.gini(new long[0])).isEqualTo(OptionalDouble.empty());
  }

  @Test
  void absenceFactorCountsTheFewestWhoMakeHalf() {
    assertThat(PulseMath.absenceFactor(new long[] {0, 0, 0, 20})).isEqualTo(OptionalInt.of(1));
    // 4 + 3 = 7 of 10 ≥ half; 4 alone is 4 < 5.
    assertThat(PulseMath.absenceFactor(new long[] {1, 2, 3, 4})).isEqualTo(OptionalInt.of(2));
    // Exactly half counts: 5 of 10.
    assertThat(PulseMath.absenceFactor(new long[] {5, 1, 1, 1, 1, 1})).isEqualTo(OptionalInt.of(1));
    assertThat(PulseMath.absenceFactor(new long[] {10, 10, 10, 10})).isEqualTo(OptionalInt.of(2));
    assertThat(PulseMath.absenceFactor(new long[] {0, 0})).isEqualTo(OptionalInt.empty());
  }

  @Test
  void medianAndSlope() {
    assertThat(PulseMath.median(new double[] {30, 10, 20, 99}, 3).getAsDouble()).isEqualTo(20);
    assertThat(PulseMath.median(new double[] {40, 10, 20, 30}, 4).getAsDouble()).isEqualTo(25);
    assertThat(PulseMath.median(new double[0], 0)).isEqualTo(OptionalDouble.empty());
    // y = 2x + 1 exactly.
    assertThat(PulseMath.slope(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7}, 4).getAsDouble())
        .isCloseTo(2, within(1e-12));
    assertThat(PulseMath.slope(new double[] {5, 5}, new double[] {1, 2}, 2)).isEqualTo(OptionalDouble.empty());
  }
}
