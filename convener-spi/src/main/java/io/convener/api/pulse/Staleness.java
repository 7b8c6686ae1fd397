package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Why a pulse report is not fresh: the store failed, so the last report computed for the same
 * question was served instead. Immutable and thread-safe.
 *
 * @param computedAt when the served report was computed
 * @param cause what failed, for people (never personal data)
 */
public record Staleness(Instant computedAt, String cause) {
  /** Validates. */
  public Staleness {
    requireNonNull(computedAt, "computedAt");
    requireNonNull(cause, "cause");
  }
}
