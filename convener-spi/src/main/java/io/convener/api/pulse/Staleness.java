package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Why a result is not fresh: the store failed, so the last result computed for the same question
 * (a pulse report, a champion ranking, an attribution) was served instead. Immutable and
 * thread-safe.
 *
 * @param computedAt when the served result was computed
 * @param cause what failed, for people (never personal data)
 */
public record Staleness(Instant computedAt, String cause) {
  /** Validates. */
  public Staleness {
    requireNonNull(computedAt, "computedAt");
    requireNonNull(cause, "cause");
  }
}
