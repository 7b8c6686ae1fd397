package io.convener.core.learning;

import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import io.convener.api.notify.NotificationDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notifications of an attribution: {@value #KIND} to each named contributor, whose learning
 * catalysed the outcome, with the outcome, model and share (the provenance id of the attribution
 * is added by the outbox). Only named contributors are told, so only people who consent to {@code
 * learning.attribution}; the gate re-checks that at commit and the relay before each delivery. The
 * idempotency key is the outcome, the model and the share to two decimals, so attributing the same
 * outcome again sends nothing new until the credit changes.
 */
final class AttributionNotifier {
  static final String KIND = "learning.attributed";

  private AttributionNotifier() {}

  /** One draft per named contributor of each attribution. */
  static List<NotificationDraft> attributed(List<Attribution> attributions) {
    List<NotificationDraft> drafts = new ArrayList<>();
    for (Attribution a : attributions) {
      for (Contribution c : a.contributors()) {
        String share = String.format(Locale.ROOT, "%.2f", c.share());
        drafts.add(NotificationDraft.of(c.member(), KIND,
            String.join(":", KIND, a.outcome().value(), a.model().wireName(), share),
            Map.of("outcome", a.outcome().value(), "model", a.model().wireName(), "share", share)));
      }
    }
    return drafts;
  }
}
