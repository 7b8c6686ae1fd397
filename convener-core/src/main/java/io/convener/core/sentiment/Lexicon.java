package io.convener.core.sentiment;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Valences of English words, emoticons and emoji on VADER's scale (about -4 to 4): the VADER
 * lexicon (vader_lexicon.txt, MIT, see VADER-LICENSE.txt beside it) and Convener's own emoji table
 * (emoji-valence.tsv). Keys are lower case. Immutable and thread-safe once built.
 */
final class Lexicon {
  static final String VADER = "vader_lexicon.txt";
  static final String EMOJI = "emoji-valence.tsv";

  private final Map<String, Double> valences;

  private Lexicon(Map<String, Double> valences) {
    this.valences = Map.copyOf(valences);
  }

  /** The English lexicon with the emoji table, read from the class path once. */
  static Lexicon english() {
    return Holder.ENGLISH;
  }

  /** The valence of a lower-case token, when the lexicon has it. */
  OptionalDouble valence(String lowerCaseToken) {
    Double v = valences.get(lowerCaseToken);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Whether the lexicon has this lower-case token. */
  boolean contains(String lowerCaseToken) {
    return valences.containsKey(lowerCaseToken);
  }

  /** How many entries the lexicon holds. */
  int size() {
    return valences.size();
  }

  private static Lexicon load() {
    Map<String, Double> valences = new HashMap<>();
    read(VADER, valences);
    read(EMOJI, valences);
    return new Lexicon(valences);
  }

  /** Reads {@code token TAB valence [TAB …]} lines; lines starting with {@code #} are comments. */
  private static void read(String resource, Map<String, Double> into) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the sentiment lexicon " + resource + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, UTF_8));
      int n = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length < 2) {
          throw new IllegalStateException(resource + " line " + n + ": expected a token and a valence");
        }
        String lower = fields[0].toLowerCase(Locale.ROOT);
        double valence = Double.parseDouble(fields[1]);
        if (lower.equals(fields[0])) {
          into.put(lower, valence); // ":d" wins over ":D": lookups are in lower case
        } else {
          into.putIfAbsent(lower, valence);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentiment lexicon " + resource, e);
    }
  }

  /** Loads the lexicon on first use. */
  private static final class Holder {
    static final Lexicon ENGLISH = load();
  }
}
