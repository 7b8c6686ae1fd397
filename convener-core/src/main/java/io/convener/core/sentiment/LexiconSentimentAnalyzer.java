package io.convener.core.sentiment;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.spi.pulse.SentimentAnalyzer;
import java.util.OptionalDouble;

/**
 * The default {@link SentimentAnalyzer}: scores the free {@code text} of an event, in English, the
 * way VADER does (Hutto and Gilbert, 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
 * Analysis of Social Media Text"): the valences of the VADER lexicon's 7,500 words, emoticons and
 * slang, plus a table of common emoji, adjusted by rules for negation ("not good"), degree adverbs
 * ("very good", "slightly good"), contrast ("good, but slow": what follows "but" weighs more),
 * words in capitals among lower-case ones, and exclamation and question marks. The sum is
 * normalised to VADER's compound score in [-1, 1].
 *
 * <p>Text without any word, emoticon or emoji the lexicon rates (another language, an address, a
 * bare link) gets no score rather than a neutral one, so it does not pull a team's mean toward 0.
 * Events that arrive without text get no score either: Convener keeps no text to score later.
 * Deterministic, thread-safe, no I/O after the lexicon's first load; a host may wrap it.
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
  private static final LexiconSentimentAnalyzer ENGLISH = new LexiconSentimentAnalyzer(Lexicon.english());

  private final Lexicon lexicon;

  private LexiconSentimentAnalyzer(Lexicon lexicon) {
    this.lexicon = requireNonNull(lexicon, "lexicon");
  }

  /**
   * The English analyzer; loads the lexicon from the class path on first use.
   *
   * @return the analyzer, shared
   */
  public static LexiconSentimentAnalyzer english() {
    return ENGLISH;
  }

  /**
   * The compound sentiment of an English text.
   *
   * @param text any text
   * @return the score in [-1, 1], or empty when nothing in the text carries sentiment
   */
  public OptionalDouble score(String text) {
    requireNonNull(text, "text");
    return Valences.compound(text, lexicon);
  }

  /** Empty: without its text, an event's sentiment cannot be told. */
  @Override
  public OptionalDouble sentiment(TenantId tenant, Event event) {
    return OptionalDouble.empty();
  }

  /** The compound sentiment of {@code text}; the tenant and event do not matter. */
  @Override
  public OptionalDouble sentiment(TenantId tenant, Event event, String text) {
    return score(text);
  }

  @Override
  public String toString() {
    return "LexiconSentimentAnalyzer[english, " + lexicon.size() + " entries]";
  }
}
