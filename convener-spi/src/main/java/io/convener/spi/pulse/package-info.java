/**
 * What hosts plug into the pulse: a {@link io.convener.spi.pulse.SentimentAnalyzer} for events
 * that arrive without a sentiment.
 */
@NullMarked
package io.convener.spi.pulse;

import org.jspecify.annotations.NullMarked;
