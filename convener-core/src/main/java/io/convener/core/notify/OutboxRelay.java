package io.convener.core.notify;

import io.convener.api.TenantId;

/**
 * Delivers what the outbox holds, at least once, through the stream and every bound {@link
 * io.convener.spi.notify.NotificationChannel}. {@code Convener.start()} starts it (a background
 * thread unless {@link NotifySettings#background()} is off, and the follower that shows this node's
 * streams what other nodes relay), {@code close()} stops it; a message the process did not get to
 * stays in the outbox and is delivered after the next start, or by another node once its lease
 * ({@link NotifySettings#lease()}) ends. A channel may see a message twice (a node that died after
 * delivering it but before recording so): {@code Notification.id()} is the same each time, and is
 * what a receiver dedupes by. Thread-safe.
 */
public interface OutboxRelay extends AutoCloseable {
  /** Starts the background relay, if configured; idempotent. */
  void start();

  /**
   * Delivers every message of the tenant that is due now, on the calling thread.
   *
   * @return how many channel deliveries were tried
   */
  int drain(TenantId tenant);

  /** Stops the background relay and waits for it; idempotent, never throws. */
  @Override
  void close();
}
