package io.convener.core.sentiment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The word lists and constants of VADER's rules (Hutto and Gilbert, 2014; the lists as in the
 * vaderSentiment and vader-sentiment packages, see VADER-LICENSE.txt): negators, boosters and
 * dampeners (degree adverbs), and idioms whose valence replaces their words'. All lower case.
 */
final class Modifiers {
  /** Valence added by a booster word, empirically derived (subtracted by a dampener). */
  static final double B_INCR = 0.293;
  /** Valence added to a word in capitals when the rest of the text is not. */
  static final double C_INCR = 0.733;
  /** Factor that a negation applies to the valence it reverses. */
  static final double N_SCALAR = -0.74;

  /** Words that negate the sentiment word up to three words after them. */
  static final Set<String> NEGATE = Set.of(
      "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
      "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
      "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
      "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
      "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
      "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
      "seldom", "despite");

  private static final Set<String> BOOSTERS = Set.of(
      "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply",
      "effing", "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously",
      "flipping", "flippin", "fricking", "frickin", "frigging", "friggin", "fully", "fucking",
      "greatly", "hella", "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most",
      "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
      "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very");

  private static final Set<String> DAMPENERS = Set.of(
      "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
      "little", "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat", "sort of",
      "sorta", "sortof", "sort-of");

  /** Degree adverbs (one word or two) and what they add to a positive valence. */
  static final Map<String, Double> DEGREE = degree();

  /** Idioms whose valence replaces that of the sentiment word inside them. */
  static final Map<String, Double> IDIOMS = Map.of(
      "the shit", 3.0,
      "the bomb", 3.0,
      "bad ass", 1.5,
      "badass", 1.5,
      "bus stop", 0.0,
      "yeah right", -2.0,
      "kiss of death", -1.5,
      "to die for", 3.0,
      "beating heart", 3.1,
      "broken heart", -2.9);

  private Modifiers() {}

  /** Whether a lower-case word negates: a negator, or any word with "n't". */
  static boolean negates(String lowerCaseWord) {
    return NEGATE.contains(lowerCaseWord) || lowerCaseWord.contains("n't");
  }

  private static Map<String, Double> degree() {
    Map<String, Double> m = new HashMap<>();
    BOOSTERS.forEach(w -> m.put(w, B_INCR));
    DAMPENERS.forEach(w -> m.put(w, -B_INCR));
    return Map.copyOf(m);
  }
}
