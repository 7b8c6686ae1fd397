package io.convener.core.sentiment;

import static io.convener.core.sentiment.Modifiers.C_INCR;
import static io.convener.core.sentiment.Modifiers.DEGREE;
import static io.convener.core.sentiment.Modifiers.N_SCALAR;

import java.util.List;
import java.util.OptionalDouble;

/**
 * VADER's rules (Hutto and Gilbert, 2014) over one text: each lexicon word's valence, raised or
 * lowered by degree adverbs up to three words before it, reversed by a negation up to three words
 * before it, emphasised by capitals, replaced inside an idiom; then words before a "but" count half
 * and words after it one and a half times, and exclamation and question marks add emphasis. The sum
 * is normalised to the compound score in [-1, 1]. Stateless.
 */
final class Valences {
  /** The normalisation constant: about the largest sum expected. */
  private static final double ALPHA = 15;

  private Valences() {}

  /** The compound score of {@code text}, or empty when none of its tokens is in the lexicon. */
  static OptionalDouble compound(String text, Lexicon lexicon) {
    Tokens t = Tokens.of(text, lexicon);
    double[] sentiments = new double[t.size()];
    boolean scored = false;
    for (int i = 0; i < t.size(); i++) {
      String w = t.lower().get(i);
      if (DEGREE.containsKey(w) || (w.equals("kind") && i + 1 < t.size() && t.lower().get(i + 1).equals("of"))) {
        continue;
      }
      OptionalDouble v = lexicon.valence(w);
      if (v.isPresent()) {
        scored = true;
        sentiments[i] = valence(t, i, v.getAsDouble(), lexicon);
      }
    }
    if (!scored) {
      return OptionalDouble.empty();
    }
    butCheck(t.lower(), sentiments);
    double sum = 0;
    for (double s : sentiments) {
      sum += s;
    }
    double emphasis = punctuationEmphasis(text);
    sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
    return OptionalDouble.of(normalize(sum));
  }

  /** {@code x / sqrt(x² + 15)}, within [-1, 1]. */
  static double normalize(double sum) {
    return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
  }

  /** The valence of the lexicon word at {@code i} in its context. */
  private static double valence(Tokens t, int i, double base, Lexicon lexicon) {
    List<String> lower = t.lower();
    double valence = base;
    if (lower.get(i).equals("no") && i + 1 < t.size() && lexicon.contains(lower.get(i + 1))) {
      valence = 0; // "no" negates the next word rather than counting itself
    }
    if ((i > 0 && lower.get(i - 1).equals("no")) || (i > 1 && lower.get(i - 2).equals("no"))
        || (i > 2 && lower.get(i - 3).equals("no") && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor")))) {
      valence = base * N_SCALAR;
    }
    if (t.capDiff() && Tokens.isCapitals(t.words().get(i))) {
      valence += valence > 0 ? C_INCR : valence < 0 ? -C_INCR : 0;
    }
    for (int start = 0; start < 3; start++) {
      if (i > start && !lexicon.contains(lower.get(i - start - 1))) {
        double s = degree(t, i - start - 1, valence);
        valence += start == 1 ? s * 0.95 : start == 2 ? s * 0.9 : s;
        valence = Rules.negation(valence, lower, start, i);
        if (start == 2) {
          valence = Rules.idioms(valence, lower, i);
        }
      }
    }
    return Rules.least(valence, lower, i, lexicon);
  }

  /** What the degree adverb at {@code j}, if it is one, adds to {@code valence}. */
  private static double degree(Tokens t, int j, double valence) {
    Double d = DEGREE.get(t.lower().get(j));
    if (d == null) {
      return 0;
    }
    double s = valence < 0 ? -d : d;
    if (t.capDiff() && Tokens.isCapitals(t.words().get(j))) {
      s += valence > 0 ? C_INCR : -C_INCR;
    }
    return s;
  }

  /** Before the first "but" words count half, after it one and a half times. */
  private static void butCheck(List<String> lower, double[] sentiments) {
    int but = lower.indexOf("but");
    if (but < 0) {
      return;
    }
    for (int i = 0; i < sentiments.length; i++) {
      if (i < but) {
        sentiments[i] *= 0.5;
      } else if (i > but) {
        sentiments[i] *= 1.5;
      }
    }
  }

  /** Up to four exclamation marks add 0.292 each; two or more question marks add up to 0.96. */
  static double punctuationEmphasis(String text) {
    long ep = Math.min(4, text.chars().filter(c -> c == '!').count());
    long qm = text.chars().filter(c -> c == '?').count();
    double question = qm <= 1 ? 0 : qm <= 3 ? qm * 0.18 : 0.96;
    return ep * 0.292 + question;
  }
}
