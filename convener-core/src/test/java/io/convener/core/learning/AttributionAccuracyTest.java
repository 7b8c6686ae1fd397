package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.learning.AttributionModel;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import org.junit.jupiter.api.Test;

/**
 * The accuracy goals of issue 19: the default model credits the true originator first for at least
 * 95% of the outcomes at the default noise level (0.15) and for at least 90% at noise 0.25, pooled
 * over {@link #HELD_OUT_SEEDS}. Those seeds were written here and committed before the improved
 * method was first run on them; the evidence weights were set on other seeds (see
 * {@code docs/learning.md}) and must never be tuned on these.
 */
class AttributionAccuracyTest {
  /** Held out: chosen and committed before the improved method ever ran on them. */
  static final long[] HELD_OUT_SEEDS = {20_261_207L, 20_261_208L};
  private static final int OUTCOMES = 300;

  @Test
  void defaultModelCreditsTheTrueOriginatorFirstForNinetyFivePercentAtDefaultNoise() {
    AttributionAccuracy acc = pooled(LearningScenario.DEFAULT_NOISE);
    assertThat(acc.outcomes()).isEqualTo(OUTCOMES * HELD_OUT_SEEDS.length);
    assertThat(acc.top1Rate()).as(acc.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(acc.top3Rate()).as(acc.toString()).isGreaterThanOrEqualTo(acc.top1Rate());
  }

  @Test
  void defaultModelCreditsTheTrueOriginatorFirstForNinetyPercentAtNoiseQuarter() {
    AttributionAccuracy acc = pooled(0.25);
    assertThat(acc.top1Rate()).as(acc.toString()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void accuracyFallsAsNoiseRises() {
    long seed = HELD_OUT_SEEDS[0] + 100;
    double clean = Scenarios.accuracy(LearningScenario.builder(seed).noise(0).outcomes(100).build(),
        AttributionModel.defaultModel()).top1Rate();
    double noisy = Scenarios.accuracy(LearningScenario.builder(seed).noise(0.8).outcomes(100).build(),
        AttributionModel.defaultModel()).top1Rate();
    assertThat(clean).isGreaterThan(0.97);
    assertThat(noisy).isLessThan(clean);
  }

  private static AttributionAccuracy pooled(double noise) {
    int n = 0;
    int top1 = 0;
    int top3 = 0;
    for (long seed : HELD_OUT_SEEDS) {
      LearningScenario s = LearningScenario.builder(seed).noise(noise).outcomes(OUTCOMES).build();
      AttributionAccuracy a = Scenarios.accuracy(s, AttributionModel.defaultModel());
      System.out.printf("seed %d noise %.2f: %s%n", seed, noise, a);
      n += a.outcomes();
      top1 += a.top1();
      top3 += a.top3();
    }
    return new AttributionAccuracy(n, top1, top3);
  }
}
