package io.convener.spi.notify;

import io.convener.api.TenantId;
import io.convener.api.notify.Notification;

/**
 * Carries notifications to their recipients. Convener calls {@link #deliver} after the action that
 * caused the notification has been committed; a channel that fails throws, and the caller records
 * the failure. Implementations are thread-safe and must tolerate seeing the same notification id
 * twice (at-least-once delivery).
 */
public interface NotificationChannel {
  /** A short stable name, such as {@code in-memory} or {@code webhook}, used in logs and records. */
  String name();

  /**
   * Delivers one notification.
   *
   * @param tenant the tenant of the notification; always equal to {@code notification.tenant()}
   * @throws RuntimeException when delivery failed; the message must not contain personal data
   */
  void deliver(TenantId tenant, Notification notification);
}
