package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.learning.AttributionModel;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import org.junit.jupiter.api.Test;

/**
 * The accuracy goal: the default model credits the true originator first for at least 90% of the
 * outcomes of a generated organisation at the default noise level. The evidence weights were set
 * on seeds 1, 2 and 3; this test uses a seed that was never looked at while setting them.
 */
class AttributionAccuracyTest {
  /** Not a tuning seed: fixed before the test was first run, and never used to set weights. */
  private static final long HELD_OUT_SEED = 20_261_127L;

  @Test
  void defaultModelCreditsTheTrueOriginatorFirstForNinetyPercentAtDefaultNoise() {
    LearningScenario s = LearningScenario.builder(HELD_OUT_SEED).outcomes(300).build();
    assertThat(s.noise()).isEqualTo(LearningScenario.DEFAULT_NOISE);
    AttributionAccuracy acc = Scenarios.accuracy(s, AttributionModel.defaultModel());
    assertThat(acc.outcomes()).isEqualTo(300);
    assertThat(acc.top1Rate()).as(acc.toString()).isGreaterThanOrEqualTo(0.90);
    assertThat(acc.top3Rate()).as(acc.toString()).isGreaterThanOrEqualTo(acc.top1Rate());
  }

  @Test
  void accuracyFallsAsNoiseRises() {
    double clean = Scenarios.accuracy(LearningScenario.builder(HELD_OUT_SEED + 1).noise(0).outcomes(100).build(),
        AttributionModel.defaultModel()).top1Rate();
    double noisy = Scenarios.accuracy(LearningScenario.builder(HELD_OUT_SEED + 1).noise(0.8).outcomes(100).build(),
        AttributionModel.defaultModel()).top1Rate();
    assertThat(clean).isGreaterThan(0.97);
    assertThat(noisy).isLessThan(clean);
  }
}
