package io.convener.core.pulse;

import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Edmondson's (1999) seven-item team psychological safety scale. A response is {@code attrs.answers}:
 * seven integers 1..7 in the scale's order; items 1, 3 and 5 are negatively worded and
 * reverse-scored as 8 − x. A member's score is the mean of their seven (recoded) items; the team
 * score is the mean of the member scores. Agreement is r_wg(J) (James, Demaree and Wolf 1984) with
 * J = 7 and the uniform null's error variance σ²_E = (A² − 1) / 12 = 4 for A = 7 options.
 * Stateless and thread-safe.
 */
final class PsychSafety {
  /** The instrument name the interchange format gives the scale. */
  static final String INSTRUMENT = "psych-safety-7";
  static final int ITEMS = 7;
  /** (A² − 1) / 12 for A = 7. */
  static final double NULL_VARIANCE = (7.0 * 7.0 - 1) / 12;

  private PsychSafety() {}

  /** The recoded answers of a survey event of this instrument, or empty when it is not one or is malformed. */
  static Optional<byte[]> recoded(Event event) {
    Attrs attrs = event.attrs();
    if (!INSTRUMENT.equals(attrs.values().get("instrument"))) {
      return Optional.empty();
    }
    if (!(attrs.values().get("answers") instanceof List<?> answers) || answers.size() != ITEMS) {
      return Optional.empty();
    }
    byte[] items = new byte[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      if (!(answers.get(i) instanceof Number n) || !isAnswer(n.doubleValue())) {
        return Optional.empty();
      }
      long a = (long) n.doubleValue();
      boolean reversed = i == 0 || i == 2 || i == 4;
      items[i] = (byte) (reversed ? 8 - a : a);
    }
    return Optional.of(items);
  }

  private static boolean isAnswer(double a) {
    return a >= 1 && a <= 7 && a == Math.rint(a);
  }

  /** A member's score: the mean of the seven recoded items. */
  static double memberScore(byte[] items) {
    double sum = 0;
    for (byte b : items) {
      sum += b;
    }
    return sum / ITEMS;
  }

  /** The team score: the mean of the member scores; empty without respondents. */
  static OptionalDouble teamScore(List<byte[]> responses) {
    if (responses.isEmpty()) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (byte[] r : responses) {
      sum += memberScore(r);
    }
    return OptionalDouble.of(sum / responses.size());
  }

  /**
   * r_wg(J) = J(1 − s̄²/σ²_E) / (J(1 − s̄²/σ²_E) + s̄²/σ²_E), where s̄² is the mean over the seven
   * items of the sample variance (n − 1) of the respondents' answers; 0 when s̄² ≥ σ²_E (more
   * spread than random answers). Empty with fewer than two respondents.
   */
  static OptionalDouble agreement(List<byte[]> responses) {
    int n = responses.size();
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double meanVariance = 0;
    for (int i = 0; i < ITEMS; i++) {
      double mean = 0;
      for (byte[] r : responses) {
        mean += r[i];
      }
      mean /= n;
      double ss = 0;
      for (byte[] r : responses) {
        ss += (r[i] - mean) * (r[i] - mean);
      }
      meanVariance += ss / (n - 1);
    }
    meanVariance /= ITEMS;
    double ratio = meanVariance / NULL_VARIANCE;
    if (ratio >= 1) {
      return OptionalDouble.of(0);
    }
    double agreed = ITEMS * (1 - ratio);
    return OptionalDouble.of(agreed / (agreed + ratio));
  }
}
