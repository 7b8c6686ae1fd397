package io.convener.core.ingest;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.pulse.SentimentAnalyzer;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the optional {@code text} of an interchange event line into the event's sentiment, with the
 * tenant's {@link SentimentAnalyzer}, while the line is read; the text itself goes no further than
 * this call. A sentiment the line states wins: then the text is not scored. Surveys and consent
 * events are never scored (the pulse does not count their sentiment). An analyzer that throws, or
 * answers outside [-1, 1], leaves the event unscored; the log names the event, never the text.
 * Thread-safe when the analyzer is.
 */
final class TextSentiment {
  private static final Logger LOG = LoggerFactory.getLogger(TextSentiment.class);

  private final TenantId tenant;
  private final SentimentAnalyzer analyzer;

  TextSentiment(TenantId tenant, SentimentAnalyzer analyzer) {
    this.tenant = requireNonNull(tenant, "tenant");
    this.analyzer = requireNonNull(analyzer, "analyzer");
  }

  /** The event with the sentiment of {@code text}, when it needs and gets one; else the event. */
  Event apply(Event event, @Nullable String text) {
    if (text == null || text.isBlank() || event.sentiment().isPresent()
        || event.kind() == EventKind.SURVEY || event.kind() == EventKind.CONSENT) {
      return event;
    }
    OptionalDouble score;
    try {
      score = analyzer.sentiment(tenant, event, text);
    } catch (RuntimeException e) {
      // The exception's message may quote the text: log its type only.
      LOG.warn("sentiment analyzer {} failed on the text of event {} of tenant {}: {}",
          analyzer, event.id().value(), tenant.value(), e.getClass().getName());
      return event;
    }
    if (score.isEmpty()) {
      return event;
    }
    double s = score.getAsDouble();
    if (!(s >= -1 && s <= 1)) {
      LOG.warn("sentiment analyzer {} gave {} for event {} of tenant {}, outside [-1, 1]: not used",
          analyzer, s, event.id().value(), tenant.value());
      return event;
    }
    return event.toBuilder().sentiment(s).build();
  }
}
