package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.notify.DeliveryStatus;
import java.time.Instant;
import java.util.Map;

/**
 * An outbox row as stored, with its sequence and where its delivery stands. Immutable.
 *
 * @param recipient who is told
 * @param sequence the recipient's sequence, from 1
 * @param kind what it is about
 * @param key the idempotency key
 * @param payload kind-specific string fields
 * @param digestKey the digest key, or empty
 * @param critical whether it bypasses preferences
 * @param createdAt when the action committed
 * @param causedBy the provenance entry of that action
 * @param status the message's delivery status
 * @param nextAttemptAt when the relay looks at it again
 * @param inInbox whether the stream has delivered it, so the inbox shows it
 */
public record StoredNotification(
    MemberId recipient, long sequence, String kind, String key, Map<String, String> payload, String digestKey,
    boolean critical, Instant createdAt, long causedBy, DeliveryStatus status, Instant nextAttemptAt,
    boolean inInbox) {
  /** Validates and copies. */
  public StoredNotification {
    requireNonNull(recipient, "recipient");
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
    payload = Map.copyOf(requireNonNull(payload, "payload"));
    requireNonNull(digestKey, "digestKey");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(status, "status");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
