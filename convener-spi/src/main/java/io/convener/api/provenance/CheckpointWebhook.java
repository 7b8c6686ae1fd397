package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;

/**
 * A webhook that receives each new signed checkpoint of the tenant's log, for an outside auditor
 * (a witness) who is not a member. Its secret is never shown here: only once, when registered.
 * Immutable.
 *
 * @param id the webhook's id, {@code cw-} then 16 lower-case hex digits
 * @param url where checkpoints are POSTed: {@code https}, or {@code http} on a loopback host
 * @param delivered the last checkpoint the receiver acknowledged with a 2xx
 * @param failures failed attempts in a row since the last success
 * @param nextAttemptAt when delivery is tried next (backoff after failures)
 * @param createdAt when it was registered
 * @param createdBy the subject of the admin who registered it
 */
public record CheckpointWebhook(String id, URI url, CheckpointCursor delivered, int failures, Instant nextAttemptAt,
    Instant createdAt, String createdBy) {
  /** Validates. */
  public CheckpointWebhook {
    requireNonNull(id, "id");
    requireNonNull(url, "url");
    requireNonNull(delivered, "delivered");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    if (!id.matches("cw-[0-9a-f]{16}")) {
      throw new IllegalArgumentException("id must be cw- then 16 lower-case hex digits: " + id);
    }
    if (failures < 0) {
      throw new IllegalArgumentException("failures must be >= 0, got " + failures);
    }
  }
}
