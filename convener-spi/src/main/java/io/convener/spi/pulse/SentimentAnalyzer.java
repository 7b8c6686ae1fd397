package io.convener.spi.pulse;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import java.util.OptionalDouble;

/**
 * Scores the sentiment of an event that arrived without one, for the pulse. Convener stores no
 * message content: an interchange line may carry a free {@code text}, which is handed to {@link
 * #sentiment(TenantId, Event, String)} once, at ingestion, and then dropped, so only the score is
 * stored; otherwise an analyzer works from what the host knows (it may look the content up in its
 * own platform by event id) or from the event's {@code attrs} and {@code tags}. The default is
 * Convener's English lexicon-and-rules analyzer, which scores the text and nothing else. A host
 * binds its own with {@code OptionalBinder.newOptionalBinder(binder(),
 * SentimentAnalyzer.class).setBinding().to(...)}; it then replaces the default for text too.
 *
 * <p>Called on the ingesting thread (for text, while the line is read; for events without text,
 * right after a batch commits), and again when the pulse rebuilds its rollups from the store: it
 * must be quick, thread-safe, deterministic for a given event, and should not throw (a failure
 * leaves the event unscored).
 */
public interface SentimentAnalyzer {
  /** The analyzer that scores nothing: only events that carry a sentiment count. */
  SentimentAnalyzer NONE = (tenant, event) -> OptionalDouble.empty();

  /**
   * The event's sentiment in [-1, 1], or empty when it cannot be told. Only called for events
   * without a sentiment of their own.
   */
  OptionalDouble sentiment(TenantId tenant, Event event);

  /**
   * The sentiment in [-1, 1] of an event that arrived with {@code text} and without a sentiment of
   * its own, or empty when it cannot be told; called once, at ingestion, and the result is stored
   * as the event's sentiment. The text is not stored anywhere: an analyzer must not keep or log
   * it. By default the text is ignored and {@link #sentiment(TenantId, Event)} decides.
   *
   * @param tenant the tenant the event is ingested into
   * @param event the event as it will be stored, without a sentiment
   * @param text the free text of the interchange line, not blank
   * @return the sentiment, or empty
   */
  default OptionalDouble sentiment(TenantId tenant, Event event, String text) {
    return sentiment(tenant, event);
  }
}
