package io.convener.spi.notify;

import io.convener.api.TenantId;
import io.convener.api.notify.Notification;

/**
 * Carries notifications to their recipients: webhooks, and the adapter point for a host's email or
 * SMS gateway. Convener's relay calls {@link #deliver} after the action that caused the
 * notification has been committed, at least once: a channel that throws is retried with back-off,
 * unless it throws {@link NonRetryableDeliveryException}. Implementations are thread-safe, should
 * return within seconds, and must tolerate seeing the same notification id twice (the id is stable
 * across retries, so a receiver can drop repeats).
 */
public interface NotificationChannel {
  /** A short stable name, such as {@code in-memory} or {@code webhook}, used in logs and records. */
  String name();

  /**
   * Whether the channel interrupts its recipient (a webhook to a phone, an email, an SMS): the
   * recipient's quiet hours, digests and throttles apply to interrupting channels only. True
   * unless overridden.
   */
  default boolean interrupting() {
    return true;
  }

  /**
   * Delivers one notification.
   *
   * @param tenant the tenant of the notification; always equal to {@code notification.tenant()}
   * @throws NonRetryableDeliveryException when trying again cannot help
   * @throws RuntimeException when delivery failed and may succeed later; the message must not
   *     contain personal data
   */
  void deliver(TenantId tenant, Notification notification);
}
