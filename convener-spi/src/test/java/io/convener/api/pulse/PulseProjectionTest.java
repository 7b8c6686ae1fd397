package io.convener.api.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pulse projections: exact on a straight line (gaps included), made only from shown values, none
 * from too few values or after a suppressed window, and always a nested, in-range interval.
 */
class PulseProjectionTest {
  private static final PulseScope TEAM = PulseScope.team(TeamId.of("core"));
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration STEP = Duration.ofDays(7);

  @Test
  void aStraightLineIsProjectedExactlyWithAZeroWidthInterval() {
    List<PulseReport> points = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      points.add(shown(i, 8, PulseMetric.EVENTS_PER_MEMBER, 2 + 0.5 * i));
    }
    PulseProjection p = PulseProjection.of(series(points), PulseMetric.EVENTS_PER_MEMBER).orElseThrow();
    assertThat(p.value()).isCloseTo(6.0, within(1e-9));
    assertThat(p.low95()).isCloseTo(6.0, within(1e-9));
    assertThat(p.high95()).isCloseTo(6.0, within(1e-9));
    assertThat(p.asOf()).isEqualTo(END.plus(STEP));
    assertThat(p.points()).isEqualTo(8);
  }

  @Test
  void suppressedPointsAreGapsAndTheirValuesNeverCount() {
    List<PulseReport> withGap = new ArrayList<>();
    List<PulseReport> withheld = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean hidden = i == 3 || i == 5;
      withGap.add(hidden ? suppressed(i, 8) : shown(i, 8, PulseMetric.SENTIMENT, 0.1 + 0.02 * i));
      // A shown window where the metric is withheld (another metric shown) is a gap just the same.
      withheld.add(hidden ? shown(i, 8, PulseMetric.MEMBERS, 8) : withGap.get(i));
    }
    PulseProjection gap = PulseProjection.of(series(withGap), PulseMetric.SENTIMENT).orElseThrow();
    assertThat(gap.value()).as("the trend carries over the gaps").isCloseTo(0.26, within(1e-9));
    assertThat(gap.points()).isEqualTo(6);
    assertThat(PulseProjection.of(series(withheld), PulseMetric.SENTIMENT)).contains(gap);
  }

  @Test
  void noProjectionFromTooFewValuesOrAfterASuppressedWindow() {
    List<PulseReport> points = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      points.add(i < 3 ? suppressed(i, 6) : shown(i, 6, PulseMetric.PSYCH_SAFETY, 5));
    }
    assertThat(PulseProjection.usablePoints(series(points), PulseMetric.PSYCH_SAFETY)).isEqualTo(3);
    assertThat(PulseProjection.of(series(points), PulseMetric.PSYCH_SAFETY)).isEmpty();
    points.set(2, shown(2, 6, PulseMetric.PSYCH_SAFETY, 5));
    assertThat(PulseProjection.of(series(points), PulseMetric.PSYCH_SAFETY)).isPresent();
    assertThat(PulseProjection.of(series(points), PulseMetric.SENTIMENT)).as("a metric with no values").isEmpty();
    points.set(5, suppressed(5, 6));
    assertThat(PulseProjection.usablePoints(series(points), PulseMetric.PSYCH_SAFETY)).isZero();
    assertThat(PulseProjection.of(series(points), PulseMetric.PSYCH_SAFETY)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void intervalsNestAroundTheValueWithinTheMetricsRange(long seed) {
    System.out.println("PulseProjectionTest seed " + seed);
    Random rng = new Random(seed);
    int n = 4 + rng.nextInt(30);
    double level = rng.nextDouble();
    double slope = (rng.nextDouble() - 0.5) * 0.1;
    List<PulseReport> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double v = Math.min(1, Math.max(0, level + slope * i + rng.nextGaussian() * 0.1));
      boolean gap = i < n - 1 && rng.nextInt(5) == 0;
      points.add(gap ? suppressed(i, n) : shown(i, n, PulseMetric.PARTICIPATION_RATE, v));
    }
    Optional<PulseProjection> p = PulseProjection.of(series(points), PulseMetric.PARTICIPATION_RATE);
    int usable = PulseProjection.usablePoints(series(points), PulseMetric.PARTICIPATION_RATE);
    assertThat(p.isPresent()).isEqualTo(usable >= PulseProjection.MIN_POINTS);
    p.ifPresent(x -> {
      assertThat(List.of(x.low95(), x.low(), x.value(), x.high(), x.high95())).isSorted().allSatisfy(v ->
          assertThat(v).isBetween(0.0, 1.0));
      assertThat(x.points()).isEqualTo(usable);
    });
  }

  private static PulseSeries series(List<PulseReport> points) {
    return new PulseSeries(TEAM, STEP, points, OptionalLong.empty());
  }

  private static Instant at(int i, int n) {
    return END.minus(STEP.multipliedBy(n - 1 - i));
  }

  private static PulseReport shown(int i, int n, PulseMetric metric, double value) {
    PulseMetrics m = new PulseMetrics(Map.of(metric, value));
    return new PulseReport(TEAM, at(i, n), Duration.ofDays(28), at(i, n), Optional.empty(), m, PulseMetrics.none(),
        List.of(), Optional.empty(), OptionalLong.empty());
  }

  private static PulseReport suppressed(int i, int n) {
    return PulseReport.suppressed(TEAM, at(i, n), Duration.ofDays(28), at(i, n), "fewer than 5 members");
  }
}
