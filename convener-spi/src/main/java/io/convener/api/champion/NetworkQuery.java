package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which interaction network to export: the contract's graph of the window (every collaboration
 * event, no exclusions), restricted to the members active in it. Immutable and thread-safe.
 *
 * @param asOf the end of the window (exclusive); empty for the instant of the call
 * @param window the window's length (default 90 days)
 */
public record NetworkQuery(Optional<Instant> asOf, Duration window) {
  /** Validates. */
  public NetworkQuery {
    requireNonNull(asOf, "asOf");
    ChampionQuery.checkWindow(window);
  }

  /** The last 90 days up to the call. */
  public static NetworkQuery defaults() {
    return new NetworkQuery(Optional.empty(), ChampionQuery.DEFAULT_WINDOW);
  }

  /** This query ending at {@code asOf}. */
  public NetworkQuery withAsOf(Instant asOf) {
    return new NetworkQuery(Optional.of(asOf), window);
  }

  /** This query with another window length. */
  public NetworkQuery withWindow(Duration window) {
    return new NetworkQuery(asOf, window);
  }
}
