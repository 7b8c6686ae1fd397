package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

/**
 * An outbox row a relay has claimed ({@link NotificationStore#claim}): while the lease lasts no
 * other relay claims a row of the same recipient. Immutable.
 *
 * @param message the row as it was when claimed
 * @param owner who holds the lease (the relay's id); empty when the store does not lease
 * @param version the row's lease version when claimed; {@link NotificationStore#release} matches it,
 *     so that a relay whose lease expired and was taken over cannot release the new one
 */
public record LeasedNotification(StoredNotification message, String owner, long version) {
  /** Validates. */
  public LeasedNotification {
    requireNonNull(message, "message");
    requireNonNull(owner, "owner");
  }
}
