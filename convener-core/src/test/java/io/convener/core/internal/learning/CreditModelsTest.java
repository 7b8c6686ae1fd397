package io.convener.core.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.AttributionModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every model against shares worked out by hand, and efficiency (shares sum to 1) for all of them. */
class CreditModelsTest {
  private static final Instant DAY0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant OUTCOME = DAY0.plus(Duration.ofDays(14));

  private static Touch touch(String author, int day, double p) {
    return touch(author, day, p, Touch.Link.REFERENCED);
  }

  private static Touch touch(String author, int day, double p, Touch.Link link) {
    return new Touch(EventId.of("l-" + author + day), MemberId.of(author), DAY0.plus(Duration.ofDays(day)), p, link,
        List.of());
  }

  /** Touches entered 14, 7 and 0 days before the outcome, all likely in the lineage. */
  private static final List<Touch> THREE = List.of(touch("ana", 0, 0.9), touch("bo", 7, 0.5), touch("cy", 14, 0.6));

  private static double[] split(AttributionModel m, List<Touch> touches) {
    return CreditModels.split(m, touches, OUTCOME);
  }

  @Test
  void lastTouchGivesEverythingToTheLatest() {
    assertThat(split(AttributionModel.LastTouch.INSTANCE, THREE)).containsExactly(0, 0, 1);
  }

  @Test
  void linearSplitsEvenly() {
    assertThat(split(AttributionModel.Linear.INSTANCE, THREE)).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
        within(1e-12));
  }

  @Test
  void timeDecayHalvesPerHalfLife() {
    // Ages 14, 7, 0 days with a 7-day half-life: weights 1/4, 1/2, 1 of a total 7/4.
    assertThat(split(AttributionModel.TimeDecay.DEFAULT, THREE))
        .containsExactly(new double[] {1 / 7.0, 2 / 7.0, 4 / 7.0}, within(1e-12));
    // A 14-day half-life: weights 2^-1, 2^-0.5, 1 = 0.5, 0.70711, 1 of 2.20711.
    assertThat(split(new AttributionModel.TimeDecay(Duration.ofDays(14)), THREE))
        .containsExactly(new double[] {0.226541, 0.320377, 0.453082}, within(1e-6));
  }

  @Test
  void positionBasedIsFortyTwentyForty() {
    AttributionModel m = AttributionModel.PositionBased.INSTANCE;
    assertThat(split(m, THREE)).containsExactly(new double[] {0.4, 0.2, 0.4}, within(1e-12));
    List<Touch> four = List.of(touch("a", 0, 0.5), touch("b", 1, 0.5), touch("c", 2, 0.5), touch("d", 3, 0.5));
    assertThat(split(m, four)).containsExactly(new double[] {0.4, 0.1, 0.1, 0.4}, within(1e-12));
    assertThat(split(m, THREE.subList(0, 2))).containsExactly(0.5, 0.5);
    assertThat(split(m, THREE.subList(0, 1))).containsExactly(1.0);
  }

  @Test
  void shapleyOfTheBestExplanationGame() {
    // v(S) = max p in S, p = 0.9, 0.5, 0.2. By hand (each ordering of 3 players, 6 in all):
    // cy adds 0.2 only when first (2 of 6): 0.2/3 = 0.066667;
    // bo adds 0.5 when first (2/6), 0.3 after cy alone (1/6): 0.5/3 + 0.3/6 = 0.216667;
    // ana adds 0.9 first (2/6), 0.4 after bo (1/6 + 1/6 with cy), 0.7 after cy alone (1/6): 0.616667.
    // Efficiency: they sum to v(N) = 0.9, and are divided by it.
    List<Touch> touches = List.of(touch("ana", 0, 0.9), touch("bo", 7, 0.5), touch("cy", 14, 0.2));
    assertThat(split(AttributionModel.Shapley.INSTANCE, touches))
        .containsExactly(new double[] {0.616667 / 0.9, 0.216667 / 0.9, 0.066667 / 0.9}, within(1e-6));
  }

  @Test
  void shapleyPlayersAreAuthorsWorthTheirBestTouch() {
    List<Touch> touches = List.of(touch("ana", 0, 0.9), touch("bo", 7, 0.5), touch("ana", 10, 0.3));
    // Players ana (0.9) and bo (0.5): bo 0.5/2 = 0.25, ana 0.25 + 0.4 = 0.65, over 0.9.
    // ana's 0.72222 is split 0.9 : 0.3 between her touches.
    double[] s = split(AttributionModel.Shapley.INSTANCE, touches);
    assertThat(s).containsExactly(new double[] {0.65 / 0.9 * 0.75, 0.25 / 0.9, 0.65 / 0.9 * 0.25}, within(1e-12));
  }

  @Test
  void touchBasedModelsSplitAlongTheStrongestLinkButShapleyPlaysEveryTouch() {
    // ana and bo are reached by the outcome's references; cy, applied by the team later, is not.
    List<Touch> touches = List.of(touch("ana", 0, 0.9), touch("bo", 7, 0.5),
        touch("cy", 14, 0.95, Touch.Link.APPLIED));
    assertThat(split(AttributionModel.LastTouch.INSTANCE, touches)).containsExactly(0, 1, 0);
    assertThat(split(AttributionModel.Linear.INSTANCE, touches)).containsExactly(0.5, 0.5, 0);
    assertThat(split(AttributionModel.TimeDecay.DEFAULT, touches))
        .containsExactly(new double[] {1 / 3.0, 2 / 3.0, 0}, within(1e-12));
    assertThat(split(AttributionModel.Shapley.INSTANCE, touches)[2]).isPositive();
    // No references: the team's applications are the lineage; what is only related is left out.
    List<Touch> applied = List.of(touch("ana", 0, 0.3, Touch.Link.APPLIED), touch("bo", 7, 0.9, Touch.Link.RELATED),
        touch("cy", 10, 0.2, Touch.Link.APPLIED));
    assertThat(split(AttributionModel.Linear.INSTANCE, applied)).containsExactly(0.5, 0, 0.5);
    // Nothing but related artifacts: every touch is in the lineage.
    List<Touch> related = List.of(touch("ana", 0, 0.3, Touch.Link.RELATED), touch("bo", 7, 0.4, Touch.Link.RELATED));
    assertThat(split(AttributionModel.LastTouch.INSTANCE, related)).containsExactly(0, 1);
  }

  /**
   * The probabilities are scores whose level moves whenever the evidence weights are refitted
   * (the bias is not fitted): the touch-based models must split the same whatever that level.
   */
  @Test
  void touchBasedModelsDoNotDependOnTheLevelOfTheProbabilities() {
    Random random = new Random(19);
    Touch.Link[] links = Touch.Link.values();
    for (int round = 0; round < 200; round++) {
      List<Touch> low = new ArrayList<>();
      List<Touch> high = new ArrayList<>();
      for (int i = 0; i < 2 + random.nextInt(6); i++) {
        String author = "m" + random.nextInt(5);
        Touch.Link link = links[random.nextInt(links.length)];
        double p = 0.1 + 0.8 * random.nextDouble();
        low.add(touch(author, i, p * 0.5, link));
        high.add(touch(author, i, Math.min(1, p * 1.5), link));
      }
      for (AttributionModel m : List.of(AttributionModel.LastTouch.INSTANCE, AttributionModel.Linear.INSTANCE,
          AttributionModel.TimeDecay.DEFAULT, AttributionModel.PositionBased.INSTANCE)) {
        assertThat(split(m, high)).as("round %d, %s", round, m).containsExactly(split(m, low), within(1e-12));
      }
    }
  }

  @Test
  void everyModelsSharesSumToOne() {
    Random random = new Random(7);
    List<AttributionModel> models = new ArrayList<>(AttributionModel.all());
    models.add(new AttributionModel.TimeDecay(Duration.ofHours(1)));
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(Lineage.MAX_TOUCHES);
      List<Touch> touches = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        touches.add(touch("m" + random.nextInt(5), random.nextInt(15), 0.01 + 0.99 * random.nextDouble()));
      }
      touches.sort(java.util.Comparator.comparing(Touch::enteredAt).thenComparing(Touch::artifact));
      for (AttributionModel m : models) {
        double[] s = split(m, touches);
        assertThat(java.util.Arrays.stream(s).sum()).as(m + " over " + n).isCloseTo(1.0, within(1e-9));
        for (double x : s) {
          assertThat(x).isBetween(0.0, 1.0);
        }
      }
    }
    assertThat(split(AttributionModel.defaultModel(), List.of())).isEmpty();
  }
}
