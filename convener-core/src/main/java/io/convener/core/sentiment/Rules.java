package io.convener.core.sentiment;

import static io.convener.core.sentiment.Modifiers.DEGREE;
import static io.convener.core.sentiment.Modifiers.IDIOMS;
import static io.convener.core.sentiment.Modifiers.N_SCALAR;
import static io.convener.core.sentiment.Modifiers.negates;

import java.util.List;

/**
 * VADER's context rules for the sentiment word at index {@code i} of lower-case tokens: negation
 * ("not good", "never so good"), idioms ("yeah right", "kiss of death") with two-word dampeners
 * ("kind of", "sort of"), and "least" ("the least good", but not "at least good"). Stateless.
 */
final class Rules {
  private Rules() {}

  /**
   * The valence after looking {@code start + 1} words back for a negation. "never so"/"never this"
   * intensify instead, and "without doubt" neither negates nor intensifies.
   */
  static double negation(double valence, List<String> w, int start, int i) {
    switch (start) {
      case 0 -> {
        return negates(w.get(i - 1)) ? valence * N_SCALAR : valence;
      }
      case 1 -> {
        if (w.get(i - 2).equals("never") && (w.get(i - 1).equals("so") || w.get(i - 1).equals("this"))) {
          return valence * 1.25;
        }
        if (w.get(i - 2).equals("without") && w.get(i - 1).equals("doubt")) {
          return valence;
        }
        return negates(w.get(i - 2)) ? valence * N_SCALAR : valence;
      }
      default -> {
        if ((w.get(i - 3).equals("never") && (w.get(i - 2).equals("so") || w.get(i - 2).equals("this")))
            || w.get(i - 1).equals("so") || w.get(i - 1).equals("this")) {
          return valence * 1.25;
        }
        if (w.get(i - 3).equals("without") && (w.get(i - 2).equals("doubt") || w.get(i - 1).equals("doubt"))) {
          return valence;
        }
        return negates(w.get(i - 3)) ? valence * N_SCALAR : valence;
      }
    }
  }

  /**
   * The valence of an idiom that holds the word at {@code i} (needs {@code i >= 3}), else the given
   * one; a two-word dampener just before the word lowers it.
   */
  static double idioms(double valence, List<String> w, int i) {
    String oneZero = w.get(i - 1) + " " + w.get(i);
    String twoOneZero = w.get(i - 2) + " " + oneZero;
    String twoOne = w.get(i - 2) + " " + w.get(i - 1);
    String threeTwoOne = w.get(i - 3) + " " + twoOne;
    String threeTwo = w.get(i - 3) + " " + w.get(i - 2);
    double v = valence;
    for (String seq : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
      Double idiom = IDIOMS.get(seq);
      if (idiom != null) {
        v = idiom;
        break;
      }
    }
    if (i + 1 < w.size()) {
      v = IDIOMS.getOrDefault(w.get(i) + " " + w.get(i + 1), v);
    }
    if (i + 2 < w.size()) {
      v = IDIOMS.getOrDefault(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2), v);
    }
    for (String gram : List.of(threeTwoOne, threeTwo, twoOne)) {
      Double d = DEGREE.get(gram);
      if (d != null) {
        v += d;
      }
    }
    return v;
  }

  /** "least" right before the word negates it, except in "at least" and "very least". */
  static double least(double valence, List<String> w, int i, Lexicon lexicon) {
    if (i > 1 && !lexicon.contains(w.get(i - 1)) && w.get(i - 1).equals("least")) {
      return w.get(i - 2).equals("at") || w.get(i - 2).equals("very") ? valence : valence * N_SCALAR;
    }
    if (i > 0 && !lexicon.contains(w.get(i - 1)) && w.get(i - 1).equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }
}
