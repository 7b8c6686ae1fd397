package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.notify.DeliveryStatus;
import java.time.Instant;

/**
 * Where the delivery of one message on one channel stands. Immutable.
 *
 * @param recipient the message's recipient
 * @param sequence the message's sequence
 * @param channel the channel's name
 * @param status the status on this channel
 * @param attempts how many times the channel was tried
 * @param nextAttemptAt when to try again, if not final
 * @param updatedAt when the status last changed
 * @param note why (exception type, hold reason), never personal data; may be empty
 */
public record ChannelDelivery(
    MemberId recipient, long sequence, String channel, DeliveryStatus status, int attempts, Instant nextAttemptAt,
    Instant updatedAt, String note) {
  /** Validates. */
  public ChannelDelivery {
    requireNonNull(recipient, "recipient");
    requireNonNull(channel, "channel");
    requireNonNull(status, "status");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(note, "note");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
  }
}
