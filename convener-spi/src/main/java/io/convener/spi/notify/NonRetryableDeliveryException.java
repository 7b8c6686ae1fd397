package io.convener.spi.notify;

/**
 * Thrown by a {@link NotificationChannel} when trying again cannot help (the endpoint rejected the
 * message as malformed, the address is unknown): the relay records the message as undelivered on
 * that channel, dead-letters it and does not retry. Any other exception is retried with back-off.
 * The message must not contain personal data.
 */
public class NonRetryableDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a reason. */
  public NonRetryableDeliveryException(String message) {
    super(message);
  }

  /** With a reason and a cause. */
  public NonRetryableDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
