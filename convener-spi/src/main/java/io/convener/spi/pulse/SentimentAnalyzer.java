package io.convener.spi.pulse;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import java.util.OptionalDouble;

/**
 * Scores the sentiment of an event that arrived without one, for the pulse. Convener stores no
 * message content, so an analyzer works from what the host knows (it may look the content up in
 * its own platform by event id) or from the event's {@code attrs} and {@code tags}. The default
 * scores nothing. A host binds its own with {@code OptionalBinder.newOptionalBinder(binder(),
 * SentimentAnalyzer.class).setBinding().to(...)}.
 *
 * <p>Called on the ingesting thread right after a batch commits, and again when the pulse rebuilds
 * its rollups from the store: it must be quick, thread-safe, deterministic for a given event, and
 * should not throw (a failure leaves the event unscored).
 */
public interface SentimentAnalyzer {
  /** The analyzer that scores nothing: only events that carry a sentiment count. */
  SentimentAnalyzer NONE = (tenant, event) -> OptionalDouble.empty();

  /**
   * The event's sentiment in [-1, 1], or empty when it cannot be told. Only called for events
   * without a sentiment of their own.
   */
  OptionalDouble sentiment(TenantId tenant, Event event);
}
