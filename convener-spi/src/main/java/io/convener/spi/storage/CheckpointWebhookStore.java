package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.provenance.CheckpointCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's checkpoint webhooks (table {@code checkpoint_webhooks}): every method is bound to
 * one tenant, so no call reads or changes another tenant's hooks. Implementations are thread-safe
 * and throw {@link io.convener.api.StorageException} when the store fails.
 */
public interface CheckpointWebhookStore {
  /** The most webhooks one tenant may have. */
  int MAX_PER_TENANT = 20;

  /**
   * Adds a webhook.
   *
   * @throws IllegalArgumentException when the tenant has {@link #MAX_PER_TENANT} already or the id
   *     is taken
   */
  void add(TenantId tenant, CheckpointWebhookRow row);

  /** The tenant's webhooks, oldest first. */
  List<CheckpointWebhookRow> list(TenantId tenant);

  /** The tenant's webhook with this id. */
  Optional<CheckpointWebhookRow> find(TenantId tenant, String id);

  /** Removes the tenant's webhook with this id; whether there was one. */
  boolean remove(TenantId tenant, String id);

  /**
   * Stores the delivery state of the tenant's webhook: the last checkpoint delivered, the failures
   * in a row since, and when to try next.
   *
   * @return whether the webhook still exists
   */
  boolean record(TenantId tenant, String id, CheckpointCursor delivered, int failures, Instant nextAttemptAt);
}
