package io.convener.api.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * One message to one recipient. It carries ids and a short kind-specific payload, never personal
 * data of anybody but the recipient. Immutable.
 *
 * @param id unique per tenant; channels and recipients use it to drop repeats
 * @param tenant the tenant of the recipient
 * @param recipient who should see it
 * @param kind what it is about, such as {@code approval.requested}
 * @param payload kind-specific string fields, such as the approval id and purpose
 * @param createdAt when it was made
 */
public record Notification(
    String id, TenantId tenant, MemberId recipient, String kind, Map<String, String> payload, Instant createdAt) {
  /** Validates and copies. */
  public Notification {
    requireNonNull(id, "id");
    requireNonNull(tenant, "tenant");
    requireNonNull(recipient, "recipient");
    requireNonNull(kind, "kind");
    payload = Map.copyOf(requireNonNull(payload, "payload"));
    requireNonNull(createdAt, "createdAt");
    if (id.isBlank() || kind.isBlank()) {
      throw new IllegalArgumentException("id and kind must not be blank");
    }
  }
}
