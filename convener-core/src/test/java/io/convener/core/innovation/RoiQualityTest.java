package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TeamId;
import io.convener.api.innovation.InnovationRoi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bias and interval coverage of the ROI estimate on a planted world, over {@value #RUNS} held-out
 * seeds ({@value #FIRST_SEED} on, fixed before the estimator first ran on them). Each world has 40
 * teams with weekly outcomes over 210 days: {@code level + 0.1·day + noise(sd 3)}, plus {@value
 * #EFFECT} from its adoption on for the 20 teams that adopt, at a day drawn from 70 to 140. The
 * common trend moves a naive before/after comparison by about {@code 0.1 · 28 = 2.8}; difference in
 * differences should not. Prints the table of docs/innovation.md.
 */
class RoiQualityTest {
  static final int RUNS = 200;
  static final long FIRST_SEED = 7001;
  static final double EFFECT = 5.0;
  private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(28);

  @Test
  void plantedEffectIsRecoveredWithNominalCoverage() {
    double sumEffect = 0;
    double sumNaive = 0;
    double sumWidth = 0;
    int covered = 0;
    for (long seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
      InnovationRoi.Estimate e = run(seed);
      sumEffect += e.effect();
      sumNaive += e.naiveChange();
      sumWidth += e.high() - e.low();
      covered += e.low() <= EFFECT && EFFECT <= e.high() ? 1 : 0;
    }
    double bias = sumEffect / RUNS - EFFECT;
    double naiveBias = sumNaive / RUNS - EFFECT;
    double coverage = (double) covered / RUNS;
    String table = String.format("| runs | planted effect | mean estimate | bias | naive before/after bias | "
        + "95%% interval coverage | mean interval width |%n|---|---|---|---|---|---|---|%n"
        + "| %d | %.1f | %.3f | %+.3f | %+.3f | %.3f | %.2f |%n", RUNS, EFFECT, sumEffect / RUNS, bias, naiveBias,
        coverage, sumWidth / RUNS);
    System.out.println(table);
    assertThat(Math.abs(bias)).as(table).isLessThan(0.3);
    assertThat(naiveBias).as(table).isGreaterThan(1.5);
    assertThat(coverage).as(table).isBetween(0.90, 0.99);
  }

  /** One planted world, estimated as the service does. */
  static InnovationRoi.Estimate run(long seed) {
    Random random = new Random(seed);
    Map<TeamId, Instant> adopted = new HashMap<>();
    Map<TeamId, List<RoiEstimator.Point>> outcomes = new HashMap<>();
    for (int t = 0; t < 40; t++) {
      TeamId team = TeamId.of("t" + t);
      int day = t < 20 ? 70 + random.nextInt(71) : Integer.MAX_VALUE;
      if (t < 20) {
        adopted.put(team, START.plus(Duration.ofDays(day)).plusSeconds(3_600));
      }
      double level = 50 + 10 * random.nextGaussian();
      int offset = random.nextInt(7);
      List<RoiEstimator.Point> points = new ArrayList<>();
      for (int d = offset; d < 210; d += 7) {
        double value = level + 0.1 * d + 3 * random.nextGaussian() + (d >= day ? EFFECT : 0);
        points.add(new RoiEstimator.Point(START.plus(Duration.ofDays(d)).plusSeconds(7_200), value));
      }
      outcomes.put(team, points);
    }
    RoiEstimator.Result r = new RoiEstimator(WINDOW, WINDOW).estimate(adopted, outcomes, seed);
    return r.estimate().orElseThrow(() -> new AssertionError("seed " + seed + ": " + r.reason()));
  }
}
