package io.convener.core.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.approval.Approval;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.NotificationChannel;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the subject of a new approval, through every bound channel. A channel that fails is
 * logged (channel name, tenant, approval id and the exception type: no personal data) and skipped;
 * the request stands. Thread-safe.
 */
final class ApprovalNotifier {
  static final String REQUESTED = "approval.requested";
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalNotifier.class);

  private final Set<NotificationChannel> channels;

  @Inject
  ApprovalNotifier(Set<NotificationChannel> channels) {
    this.channels = Set.copyOf(requireNonNull(channels, "channels"));
  }

  /** Sends {@code approval.requested} to the subject; returns how many channels took it. */
  int requested(Approval approval) {
    Notification n = new Notification(approval.id().value() + ":requested", approval.tenant(), approval.subject(),
        REQUESTED, Map.of("approval", approval.id().value(), "purpose", approval.purpose().name()),
        approval.created());
    int delivered = 0;
    for (NotificationChannel channel : channels) {
      try {
        channel.deliver(approval.tenant(), n);
        delivered++;
      } catch (RuntimeException e) {
        LOG.warn("notification channel '{}' failed to deliver {} of approval {} in tenant '{}': {}",
            channel.name(), REQUESTED, approval.id(), approval.tenant(), e.getClass().getName());
      }
    }
    return delivered;
  }
}
