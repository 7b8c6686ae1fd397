package io.convener.api.notify;

/**
 * The delivery status of a message on one channel, and of the message as a whole: {@code QUEUED}
 * (committed, waiting for the relay, a retry, or the recipient's quiet hours), {@code SENT} (handed
 * to a channel that confirms later), {@code DELIVERED} (the channel took it), {@code UNDELIVERED}
 * (given up: dead-lettered, rejected as not retryable, or muted by the recipient's preferences).
 */
public enum DeliveryStatus {
  QUEUED,
  SENT,
  DELIVERED,
  UNDELIVERED;

  /** Whether the relay is done with it. */
  public boolean isFinal() {
    return this == DELIVERED || this == UNDELIVERED;
  }
}
