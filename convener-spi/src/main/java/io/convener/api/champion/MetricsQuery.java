package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which raw metrics to list: the interaction graph of the window exactly as the interchange
 * contract defines it (no anti-gaming, no exclusions), every member of it.
 *
 * @param asOf the end of the window (exclusive); empty for the instant of the call
 * @param window the window's length (default 90 days)
 */
public record MetricsQuery(Optional<Instant> asOf, Duration window) {
  /** Validates. */
  public MetricsQuery {
    requireNonNull(asOf, "asOf");
    ChampionQuery.checkWindow(window);
  }

  /** The last 90 days up to the call. */
  public static MetricsQuery defaults() {
    return new MetricsQuery(Optional.empty(), ChampionQuery.DEFAULT_WINDOW);
  }

  /** This query ending at {@code asOf}. */
  public MetricsQuery withAsOf(Instant asOf) {
    return new MetricsQuery(Optional.of(asOf), window);
  }

  /** This query with another window length. */
  public MetricsQuery withWindow(Duration window) {
    return new MetricsQuery(asOf, window);
  }
}
