package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the credit for one outcome is split among the learning artifacts in its lineage (its
 * touches) and so among their authors. Every model gives shares that sum to 1 over the touches.
 * The touch-based models (last touch, linear, time decay, position based) follow the multi-touch
 * attribution models of web analytics and order touches by the instant each entered the outcome's
 * lineage; {@link Shapley} splits by the Shapley value of a game whose worth is how well a set of
 * artifacts explains the outcome. Immutable and thread-safe.
 */
public sealed interface AttributionModel {
  /** The default model: {@link Shapley}. */
  static AttributionModel defaultModel() {
    return Shapley.INSTANCE;
  }

  /** The models with their default parameters, in the order the documentation lists them. */
  static List<AttributionModel> all() {
    return List.of(LastTouch.INSTANCE, Linear.INSTANCE, TimeDecay.DEFAULT, PositionBased.INSTANCE, Shapley.INSTANCE);
  }

  /**
   * The model with this wire name ({@code last-touch}, {@code linear}, {@code time-decay}, {@code
   * position-based}, {@code shapley}; case-insensitive), with its default parameters.
   *
   * @throws IllegalArgumentException naming the accepted names when there is no such model
   */
  static AttributionModel of(String name) {
    requireNonNull(name, "model");
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (AttributionModel m : all()) {
      if (m.wireName().equals(wanted)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "model must be one of last-touch, linear, time-decay, position-based, shapley: '" + name + "'");
  }

  /** The stable name used on the command line and in results, such as {@code time-decay}. */
  String wireName();

  /** All the credit to the touch that entered the lineage last. */
  record LastTouch() implements AttributionModel {
    /** The only instance needed. */
    public static final LastTouch INSTANCE = new LastTouch();

    @Override
    public String wireName() {
      return "last-touch";
    }
  }

  /** Equal shares: 1/n to each of the n touches. */
  record Linear() implements AttributionModel {
    /** The only instance needed. */
    public static final Linear INSTANCE = new Linear();

    @Override
    public String wireName() {
      return "linear";
    }
  }

  /**
   * Shares proportional to {@code 2^(-age / halfLife)}, where the age is the time from the touch to
   * the outcome: a touch one half-life older than another gets half its weight.
   *
   * @param halfLife positive; the default is 7 days
   */
  record TimeDecay(Duration halfLife) implements AttributionModel {
    /** The default half-life: 7 days. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);

    /** The model with the default half-life. */
    public static final TimeDecay DEFAULT = new TimeDecay(DEFAULT_HALF_LIFE);

    /** Validates the half-life. */
    public TimeDecay {
      requireNonNull(halfLife, "halfLife");
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("halfLife must be positive, got " + halfLife);
      }
    }

    @Override
    public String wireName() {
      return "time-decay";
    }
  }

  /**
   * 40% to the first touch, 40% to the last, 20% spread evenly over those between; with two
   * touches, half each; with one, all of it.
   */
  record PositionBased() implements AttributionModel {
    /** The only instance needed. */
    public static final PositionBased INSTANCE = new PositionBased();

    @Override
    public String wireName() {
      return "position-based";
    }
  }

  /**
   * The Shapley value of the game whose worth {@code v(S)} for a set of touches is the chance that
   * at least one of them produced the outcome, each touch {@code i} independently with the
   * probability {@code p_i} its evidence gives (noisy-OR: {@code v(S) = 1 - prod(1 - p_i)}),
   * divided by {@code v(all)} so that the shares sum to 1.
   */
  record Shapley() implements AttributionModel {
    /** The only instance needed. */
    public static final Shapley INSTANCE = new Shapley();

    @Override
    public String wireName() {
      return "shapley";
    }
  }
}
