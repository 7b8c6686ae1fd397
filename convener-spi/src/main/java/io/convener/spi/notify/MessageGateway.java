package io.convener.spi.notify;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * The adapter point for a host's email or SMS service. Convener keeps no addresses: the host looks
 * them up in its own directory ({@link #address}) and sends ({@link #send}); Convener renders the
 * text, schedules, retries and records. Wrap one as a channel with {@code
 * io.convener.core.notify.Gateways.channel(gateway)} and bind it like any {@link
 * NotificationChannel}; it is interrupting, so quiet hours, digests and throttles apply.
 * Implementations are thread-safe; {@link #send} throws {@link NonRetryableDeliveryException} when
 * trying again cannot help (a bounced address) and any other exception to be retried.
 */
public interface MessageGateway {
  /** The channel name, such as {@code email} or {@code sms}. */
  String name();

  /** The recipient's address on this gateway, or empty when the host has none (not retried). */
  Optional<String> address(TenantId tenant, MemberId recipient);

  /**
   * Sends one message.
   *
   * @param id the notification id, stable across retries, for the gateway's own deduplication
   * @param subject a one-line subject (email) or prefix (SMS)
   * @param text the plain-text body
   * @param fields the notification's payload, for hosts that render their own templates
   */
  void send(TenantId tenant, String address, String id, String subject, String text, Map<String, String> fields);
}
