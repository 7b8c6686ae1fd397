package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import java.time.Instant;
import java.util.Map;

/**
 * A notification as the outbox takes it, written in the same transaction as the provenance entry
 * of the action that caused it ({@link ProvenanceStore#append(io.convener.api.TenantId, long,
 * java.util.List, ProvenanceHead, java.util.List)}). The store assigns the recipient's next
 * sequence and ignores a row whose key the recipient already has. Immutable.
 *
 * @param recipient who is told
 * @param kind what it is about
 * @param key the idempotency key, unique per tenant and recipient
 * @param payload kind-specific string fields
 * @param digestKey the digest key, or empty
 * @param critical whether it bypasses preferences
 * @param createdAt when the action committed
 * @param causedBy the sequence of the provenance entry of that action
 */
public record OutboxRow(
    MemberId recipient, String kind, String key, Map<String, String> payload, String digestKey, boolean critical,
    Instant createdAt, long causedBy) {
  /** Validates and copies. */
  public OutboxRow {
    requireNonNull(recipient, "recipient");
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
    payload = Map.copyOf(requireNonNull(payload, "payload"));
    requireNonNull(digestKey, "digestKey");
    requireNonNull(createdAt, "createdAt");
  }
}
