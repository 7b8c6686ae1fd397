package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The pulse of one scope over one window, beside its baseline (the mean over the three windows
 * before it), with the risks it raises. A suppressed report (fewer than k members, or hidden so
 * that a small group cannot be recovered by subtraction) carries no metrics and no risks, only the
 * reason. A stale report is the last one computed for the same question, served because the store
 * failed. Immutable and thread-safe.
 *
 * @param scope whose pulse
 * @param asOf the end of the window (exclusive)
 * @param window the window's length
 * @param computedAt when the figures were computed
 * @param suppressed why the report is suppressed, if it is
 * @param metrics the window's metrics; none when suppressed
 * @param baseline the mean of each metric over the three windows before; none when suppressed
 * @param risks the risks raised, most severe first
 * @param stale why the report is not fresh, if it is not
 * @param provenanceId the sequence of the provenance entry of the call that returned it
 */
public record PulseReport(
    PulseScope scope,
    Instant asOf,
    Duration window,
    Instant computedAt,
    Optional<String> suppressed,
    PulseMetrics metrics,
    PulseMetrics baseline,
    List<RiskFlag> risks,
    Optional<Staleness> stale,
    OptionalLong provenanceId) implements NamesPeople {

  /** Validates and copies. */
  public PulseReport {
    requireNonNull(scope, "scope");
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    requireNonNull(computedAt, "computedAt");
    requireNonNull(suppressed, "suppressed");
    requireNonNull(metrics, "metrics");
    requireNonNull(baseline, "baseline");
    risks = List.copyOf(requireNonNull(risks, "risks"));
    requireNonNull(stale, "stale");
    requireNonNull(provenanceId, "provenanceId");
    if (suppressed.isPresent() && (!metrics.values().isEmpty() || !baseline.values().isEmpty() || !risks.isEmpty())) {
      throw new IllegalArgumentException("a suppressed report carries no metrics, baseline or risks");
    }
  }

  /** A suppressed report: the reason, and nothing else. */
  public static PulseReport suppressed(PulseScope scope, Instant asOf, Duration window, Instant computedAt, String reason) {
    return new PulseReport(scope, asOf, window, computedAt, Optional.of(reason), PulseMetrics.none(),
        PulseMetrics.none(), List.of(), Optional.empty(), OptionalLong.empty());
  }

  /** Whether the report is suppressed. */
  public boolean isSuppressed() {
    return suppressed.isPresent();
  }

  /** The change of a metric from its baseline (window minus baseline), when both are defined. */
  public OptionalDouble change(PulseMetric metric) {
    OptionalDouble now = metrics.get(metric);
    OptionalDouble before = baseline.get(metric);
    return now.isPresent() && before.isPresent()
        ? OptionalDouble.of(now.getAsDouble() - before.getAsDouble())
        : OptionalDouble.empty();
  }

  /** The risks of one kind. */
  public List<RiskFlag> risks(RiskKind kind) {
    return risks.stream().filter(r -> r.kind() == kind).toList();
  }

  /** A copy stamped with the provenance entry of the call that returned it. */
  public PulseReport withProvenanceId(long sequence) {
    return new PulseReport(scope, asOf, window, computedAt, suppressed, metrics, baseline, risks, stale,
        OptionalLong.of(sequence));
  }

  /** A copy marked stale for this cause. */
  public PulseReport asStale(String cause) {
    return new PulseReport(scope, asOf, window, computedAt, suppressed, metrics, baseline, risks,
        Optional.of(new Staleness(computedAt, cause)), OptionalLong.empty());
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> named = new ArrayList<>();
    for (RiskFlag r : risks) {
      r.member().ifPresent(named::add);
    }
    return named;
  }
}
