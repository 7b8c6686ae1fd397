package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import java.time.Instant;

/**
 * One stored checkpoint webhook: what an admin registered and how far delivery got, with the HMAC
 * secret sealed (never in plain text) so that a copy of the store does not hand it out. Immutable.
 *
 * @param hook the webhook as the API shows it (id, URL, delivered cursor, failures, next attempt)
 * @param sealedSecret the HMAC secret, sealed under the tenant's key-encryption key (ASCII)
 */
public record CheckpointWebhookRow(CheckpointWebhook hook, String sealedSecret) {
  /** Validates. */
  public CheckpointWebhookRow {
    requireNonNull(hook, "hook");
    requireNonNull(sealedSecret, "sealedSecret");
    if (sealedSecret.isEmpty() || sealedSecret.length() > 512) {
      throw new IllegalArgumentException("sealedSecret must be 1 to 512 characters");
    }
  }

  /** The same row with delivery state replaced. */
  public CheckpointWebhookRow withDelivery(CheckpointCursor delivered, int failures, Instant nextAttemptAt) {
    CheckpointWebhook h = hook;
    return new CheckpointWebhookRow(new CheckpointWebhook(h.id(), h.url(), delivered, failures, nextAttemptAt,
        h.createdAt(), h.createdBy()), sealedSecret);
  }
}
