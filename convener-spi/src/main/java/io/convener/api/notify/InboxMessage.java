package io.convener.api.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One message in a recipient's inbox and stream. It carries ids and short fields only, never
 * personal data of anybody but the recipient. Immutable.
 *
 * @param sequence strictly increasing per tenant and recipient, from 1; the SSE event id
 * @param kind what it is about, such as {@code approval.requested}
 * @param payload kind-specific string fields
 * @param createdAt when the action that caused it committed
 * @param critical whether it bypassed the recipient's preferences (never consent)
 */
public record InboxMessage(long sequence, String kind, Map<String, String> payload, Instant createdAt, boolean critical) {
  /** Validates and copies. */
  public InboxMessage {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
    }
    requireNonNull(kind, "kind");
    payload = Map.copyOf(requireNonNull(payload, "payload"));
    requireNonNull(createdAt, "createdAt");
  }
}
