package io.convener.api.notify;

/** A live subscription of {@link Notifier#subscribe}; closing it stops delivery to its listener. */
public interface Subscription extends AutoCloseable {
  /** Stops the subscription; idempotent, never throws. */
  @Override
  void close();
}
