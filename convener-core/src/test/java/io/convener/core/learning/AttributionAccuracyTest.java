package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionRequest;
import io.convener.core.internal.learning.OfflineAttribution;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The accuracy goals of issue 19: the default model credits the true originator first for at least
 * 95% of the outcomes at the default noise level (0.15) and for at least 90% at noise 0.25, pooled
 * over {@link #HELD_OUT_SEEDS}. Those seeds were written here and committed before the improved
 * method was first run on them; the evidence weights were set on other seeds (see
 * {@code docs/learning.md}) and must never be tuned on these.
 *
 * <p>The full held-out sample is attributed in memory ({@link OfflineAttribution}: the catalyst's
 * lineage, weights and models without the store), which takes a second instead of minutes of
 * ingestion; {@link #theServiceRanksExactlyAsTheOfflinePath} checks on one organisation that the
 * catalyst behind the API ranks every outcome's contributors the same way.
 */
class AttributionAccuracyTest {
  /** Held out: chosen and committed before the improved method ever ran on them. */
  static final long[] HELD_OUT_SEEDS = {20_261_207L, 20_261_208L};
  private static final int OUTCOMES = 300;

  @Test
  void defaultModelCreditsTheTrueOriginatorFirstForNinetyFivePercentAtDefaultNoise() {
    AttributionAccuracy acc = pooled(LearningScenario.DEFAULT_NOISE, OfflineAttribution.weights());
    assertThat(acc.outcomes()).isEqualTo(OUTCOMES * HELD_OUT_SEEDS.length);
    assertThat(acc.top1Rate()).as(acc.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(acc.top3Rate()).as(acc.toString()).isGreaterThanOrEqualTo(acc.top1Rate());
  }

  @Test
  void defaultModelCreditsTheTrueOriginatorFirstForNinetyPercentAtNoiseQuarter() {
    AttributionAccuracy acc = pooled(0.25, OfflineAttribution.weights());
    assertThat(acc.top1Rate()).as(acc.toString()).isGreaterThanOrEqualTo(0.90);
  }

  /**
   * The goal is a bound a regression breaks: without the topic evidence (how the artifact's tags
   * cover and match the outcome's) the held-out accuracy falls under 95% (to about 91.5%).
   */
  @Test
  void theGoalFailsWithoutTheTopicEvidence() {
    double[] weakened = OfflineAttribution.weights();
    for (String f : List.of("tag-coverage", "matching-tags", "tags-differ")) {
      weakened[OfflineAttribution.featureNames().indexOf(f)] = 0;
    }
    AttributionAccuracy acc = pooled(LearningScenario.DEFAULT_NOISE, weakened);
    assertThat(acc.top1Rate()).as("topic evidence zeroed: " + acc).isLessThan(0.95);
  }

  @Test
  void accuracyFallsAsNoiseRises() {
    long seed = HELD_OUT_SEEDS[0] + 100;
    double clean = offline(LearningScenario.builder(seed).noise(0).outcomes(100).build(), OfflineAttribution.weights()).top1Rate();
    double noisy = offline(LearningScenario.builder(seed).noise(0.8).outcomes(100).build(), OfflineAttribution.weights()).top1Rate();
    assertThat(clean).isGreaterThan(0.97);
    assertThat(noisy).isLessThan(clean);
  }

  /** The catalyst, through ingestion, the store, consent and the choke point, ranks as the offline path does. */
  @Test
  void theServiceRanksExactlyAsTheOfflinePath() {
    LearningScenario s = LearningScenario.builder(HELD_OUT_SEEDS[1]).noise(0.25).outcomes(100).build();
    Map<EventId, List<MemberId>> service = new LinkedHashMap<>();
    try (Convener c = Scenarios.open()) {
      Scenarios.load(c, s);
      for (Attribution a : c.learning().attribute(Scenarios.ADMIN, AttributionRequest.all())) {
        service.put(a.outcome(), a.contributors().stream().map(x -> x.member().value()).toList());
      }
    }
    Map<EventId, List<MemberId>> offline =
        OfflineAttribution.ranked(s.members(), s.events(), AttributionModel.defaultModel(), OfflineAttribution.weights());
    assertThat(service).hasSize(100).isEqualTo(offline);
  }

  private static AttributionAccuracy pooled(double noise, double[] weights) {
    int n = 0;
    int top1 = 0;
    int top3 = 0;
    for (long seed : HELD_OUT_SEEDS) {
      AttributionAccuracy a = offline(LearningScenario.builder(seed).noise(noise).outcomes(OUTCOMES).build(), weights);
      System.out.printf("seed %d noise %.2f: %s%n", seed, noise, a);
      n += a.outcomes();
      top1 += a.top1();
      top3 += a.top3();
    }
    return new AttributionAccuracy(n, top1, top3);
  }

  private static AttributionAccuracy offline(LearningScenario s, double[] weights) {
    return AttributionAccuracy.ofRanked(s.originators(),
        OfflineAttribution.ranked(s.members(), s.events(), AttributionModel.defaultModel(), weights));
  }
}
