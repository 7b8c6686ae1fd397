/**
 * Sentiment out of the box: {@link io.convener.core.sentiment.LexiconSentimentAnalyzer}, the
 * default {@link io.convener.spi.pulse.SentimentAnalyzer}, scores English text with VADER's
 * lexicon and rules (negation, degree adverbs, "but", capitals, punctuation, emoticons and emoji).
 */
@NullMarked
package io.convener.core.sentiment;

import org.jspecify.annotations.NullMarked;
