package io.convener.api.replay;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of a call run through {@link Replays#record}, with its receipt when the result may be
 * replayed.
 *
 * @param result what the call returned
 * @param receipt present when the call made at least one service call for the principal and every
 *     one of them succeeded; empty otherwise (then the result must not be kept for replay)
 * @param <T> the result type
 */
public record Recorded<T>(T result, Optional<Receipt> receipt) {
  /** Validates. */
  public Recorded {
    requireNonNull(result, "result");
    requireNonNull(receipt, "receipt");
  }
}
