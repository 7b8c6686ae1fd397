package io.convener.spi.signal;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import java.util.Map;
import java.util.Optional;

/**
 * A signal's values by member.
 *
 * @param values value by member; members missing have value 0
 */
public record SignalValues(Map<MemberId, SignalValue> values) {
  /** Validates and copies. */
  public SignalValues {
    values = Map.copyOf(requireNonNull(values, "values"));
  }

  /** No values. */
  public static SignalValues none() {
    return new SignalValues(Map.of());
  }

  /** The member's value, if any. */
  public Optional<SignalValue> of(MemberId member) {
    return Optional.ofNullable(values.get(member));
  }
}
