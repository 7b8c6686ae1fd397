package io.convener.core.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.NotificationChannel;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each named contributor of an attribution, through every bound channel, that their learning
 * catalysed an outcome: kind {@value #KIND}, payload outcome, model, share and provenance id. Only
 * named contributors are told, so only people who consent to {@code learning.attribution}. The
 * notification id is made of the outcome, the member, the model and the share to two decimals, so
 * attributing the same outcome again sends nothing new (channels drop repeated ids) until the
 * credit changes. A channel that fails is logged (channel, tenant, outcome, exception type) and
 * skipped. Thread-safe.
 */
final class AttributionNotifier {
  static final String KIND = "learning.attributed";
  private static final Logger LOG = LoggerFactory.getLogger(AttributionNotifier.class);

  private final Set<NotificationChannel> channels;

  @Inject
  AttributionNotifier(Set<NotificationChannel> channels) {
    this.channels = Set.copyOf(requireNonNull(channels, "channels"));
  }

  /** Sends one notification per named contributor; returns how many deliveries succeeded. */
  int attributed(TenantId tenant, List<Attribution> attributions) {
    int delivered = 0;
    Instant now = Instant.now();
    for (Attribution a : attributions) {
      for (Contribution c : a.contributors()) {
        String share = String.format(Locale.ROOT, "%.2f", c.share());
        Notification n = new Notification(
            String.join(":", KIND, a.outcome().value(), c.member().value().value(), a.model().wireName(), share),
            tenant, c.member().value(), KIND,
            Map.of("outcome", a.outcome().value(), "model", a.model().wireName(), "share", share,
                "provenanceId", Long.toString(a.provenanceId())),
            now);
        delivered += deliver(tenant, n, a);
      }
    }
    return delivered;
  }

  private int deliver(TenantId tenant, Notification n, Attribution a) {
    int delivered = 0;
    for (NotificationChannel channel : channels) {
      try {
        channel.deliver(tenant, n);
        delivered++;
      } catch (RuntimeException e) {
        LOG.warn("notification channel '{}' failed to deliver {} of outcome {} in tenant '{}': {}",
            channel.name(), KIND, a.outcome(), tenant, e.getClass().getName());
      }
    }
    return delivered;
  }
}
