package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The pulse of one scope over consecutive windows: a trend. Each point is the report a single
 * {@link PulseAggregator#report} call would give at that point's {@code asOf}, with its own
 * suppression and its own risks. Immutable and thread-safe.
 *
 * @param scope whose pulse
 * @param step how far apart the points' {@code asOf} are
 * @param points the reports, oldest first; the last one ends at the request's {@code asOf}
 * @param provenanceId the sequence of the one provenance entry of the call that returned it
 */
public record PulseSeries(PulseScope scope, Duration step, List<PulseReport> points, OptionalLong provenanceId)
    implements NamesPeople {
  /** The most points one series holds. */
  public static final int MAX_POINTS = 104;

  /** Validates and copies. */
  public PulseSeries {
    requireNonNull(scope, "scope");
    checkStep(step);
    points = List.copyOf(requireNonNull(points, "points"));
    requireNonNull(provenanceId, "provenanceId");
  }

  /**
   * Checks a series request's shape.
   *
   * @throws IllegalArgumentException naming {@code points} or {@code step} when out of range
   */
  public static void check(int points, Duration step) {
    if (points < 1 || points > MAX_POINTS) {
      throw new IllegalArgumentException("points must be in [1, " + MAX_POINTS + "], got " + points);
    }
    checkStep(step);
  }

  private static void checkStep(Duration step) {
    requireNonNull(step, "step");
    if (step.compareTo(Duration.ofDays(1)) < 0 || step.compareTo(Duration.ofDays(366)) > 0
        || step.toSeconds() % 86_400 != 0 || step.getNano() != 0) {
      throw new IllegalArgumentException("step must be 1 to 366 whole days, got " + step);
    }
  }

  /** A copy whose points, and itself, carry the provenance entry of the call that returned it. */
  public PulseSeries withProvenanceId(long sequence) {
    List<PulseReport> stamped = new ArrayList<>(points.size());
    points.forEach(p -> stamped.add(p.withProvenanceId(sequence)));
    return new PulseSeries(scope, step, stamped, OptionalLong.of(sequence));
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> named = new ArrayList<>();
    points.forEach(p -> named.addAll(p.disclosures()));
    return named;
  }
}
