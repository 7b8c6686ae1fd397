package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which outcomes to attribute, and with which model: one outcome by id, or every outcome in a
 * half-open time range {@code [from, until)}. Immutable; start from {@link #all()} or {@link
 * #outcome(EventId)}.
 *
 * @param outcome the one outcome to attribute, or empty for every outcome in the range
 * @param from earliest outcome instant included, or empty for the beginning of time
 * @param until first outcome instant excluded, or empty for no end
 * @param model how to split the credit
 */
public record AttributionRequest(
    Optional<EventId> outcome, Optional<Instant> from, Optional<Instant> until, AttributionModel model) {
  /** Validates. */
  public AttributionRequest {
    requireNonNull(outcome, "outcome");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    requireNonNull(model, "model");
    if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
      throw new IllegalArgumentException("until " + until.get() + " is before from " + from.get());
    }
  }

  /** Every outcome of the tenant, with the default model. */
  public static AttributionRequest all() {
    return new AttributionRequest(Optional.empty(), Optional.empty(), Optional.empty(), AttributionModel.defaultModel());
  }

  /** One outcome, with the default model. */
  public static AttributionRequest outcome(EventId outcome) {
    return new AttributionRequest(
        Optional.of(requireNonNull(outcome, "outcome")), Optional.empty(), Optional.empty(), AttributionModel.defaultModel());
  }

  /** This request with another model. */
  public AttributionRequest withModel(AttributionModel other) {
    return new AttributionRequest(outcome, from, until, other);
  }

  /** This request narrowed to outcomes in {@code [start, end)}. */
  public AttributionRequest between(Instant start, Instant end) {
    return new AttributionRequest(outcome, Optional.of(start), Optional.of(end), model);
  }

  /** This request narrowed to outcomes before {@code end}. */
  public AttributionRequest until(Instant end) {
    return new AttributionRequest(outcome, from, Optional.of(end), model);
  }
}
