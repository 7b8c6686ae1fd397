package io.convener.api.learning;

import io.convener.api.model.Attrs;
import java.util.Optional;

/**
 * Which way an outcome's {@code attrs.value} improves. An {@code outcome} event declares it in
 * {@code attrs.direction} ({@code "higher-is-better"} or {@code "lower-is-better"}); without it an
 * outcome is higher-is-better. A deployment count is higher-is-better; an incident count or a cycle
 * time is lower-is-better. The learning catalyst reads a change of value in this direction.
 */
public enum OutcomeDirection {
  /** A larger value is an improvement (the default). */
  HIGHER_IS_BETTER("higher-is-better", 1),
  /** A smaller value is an improvement. */
  LOWER_IS_BETTER("lower-is-better", -1);

  /** The {@code attrs} member that declares the direction. */
  public static final String ATTR = "direction";

  private final String wireName;
  private final int sign;

  OutcomeDirection(String wireName, int sign) {
    this.wireName = wireName;
    this.sign = sign;
  }

  /** The name in {@code attrs.direction}, such as {@code lower-is-better}. */
  public String wireName() {
    return wireName;
  }

  /** The improvement from {@code before} to {@code after}: positive when it got better. */
  public double improvement(double before, double after) {
    return oriented(after) - oriented(before);
  }

  /** {@code value} read so that larger is better (negated for lower-is-better outcomes). */
  public double oriented(double value) {
    return sign * value;
  }

  /** The direction with this wire name, if it is one. */
  public static Optional<OutcomeDirection> fromWireName(String name) {
    for (OutcomeDirection d : values()) {
      if (d.wireName.equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The direction an outcome's attributes declare: higher-is-better when absent or unknown. */
  public static OutcomeDirection of(Attrs attrs) {
    return attrs.string(ATTR).flatMap(OutcomeDirection::fromWireName).orElse(HIGHER_IS_BETTER);
  }
}
