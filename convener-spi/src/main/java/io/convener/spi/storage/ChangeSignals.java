package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.util.function.Consumer;

/**
 * A hint that wakes the other processes on the same store: a process that committed something a
 * peer may hold in memory (a tenant's change marker, an outbox row the stream delivered) signals a
 * topic and the tenant; peers that subscribed to the topic are called back, and then read what
 * changed from the store. A signal is a hint only: it may be lost (a peer that was disconnected is
 * called back through {@link Listener#resync()} instead), repeated, or come from another process
 * of another schema's tests, so a subscriber must treat the store as the truth and still poll it,
 * more slowly, where {@link #pushes()} is false.
 *
 * <p>On PostgreSQL, {@link #signal} is a {@code NOTIFY} sent when the writing transaction commits
 * and dropped when it rolls back; elsewhere (SQLite, H2) it does nothing and subscribers poll.
 * Implementations are thread-safe; a listener is called on the implementation's own thread, one
 * call at a time, and must return quickly.
 */
public interface ChangeSignals {
  /** The longest topic name, in characters; topics are lower-case letters, digits and {@code _}. */
  int MAX_TOPIC = 32;

  /**
   * Signals the topic for the tenant. Called inside a writing transaction of the store, it joins
   * it, so that peers hear of the change only once it is committed; called outside one, it is sent
   * at once.
   *
   * @throws IllegalArgumentException when the topic is not 1 to {@value #MAX_TOPIC} lower-case
   *     letters, digits or {@code _}
   * @throws io.convener.api.StorageException when the store fails
   */
  void signal(String topic, TenantId tenant);

  /**
   * Calls {@code listener} for each signal of the topic from now on, until the returned handle is
   * closed. Never throws because the store is unreachable: it keeps trying to listen in the
   * background and calls {@link Listener#resync()} once it listens again.
   *
   * @throws IllegalArgumentException when the topic is not valid (see {@link #signal})
   */
  Subscription subscribe(String topic, Listener listener);

  /** Whether signals reach subscribers at all; false where subscribers can only poll. */
  boolean pushes();

  /**
   * Whether another process may write to the same store, so that subscribers must poll where
   * {@link #pushes()} is false. False for a store only this process can open (H2, which Convener
   * runs single-process): nothing can change behind this process's back, and nobody needs to poll.
   * True unless an implementation knows better.
   */
  default boolean sharedByOtherProcesses() {
    return true;
  }

  /** Signals that reach no one: for stores shared by no other process, or that cannot push. */
  static ChangeSignals none() {
    return NoSignals.INSTANCE;
  }

  /** Checks a topic name; returns it. */
  static String checkTopic(String topic) {
    if (topic == null || topic.isEmpty() || topic.length() > MAX_TOPIC || !topic.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException(
          "topic must be 1 to " + MAX_TOPIC + " lower-case letters, digits or _, got '" + topic + "'");
    }
    return topic;
  }

  /** What a subscriber is told. Called on the signals' thread; must not block for long. */
  interface Listener extends Consumer<TenantId> {
    /** The tenant's state changed in another process (or this one). */
    @Override
    void accept(TenantId tenant);

    /**
     * Signals may have been lost (the connection that listens was lost and is back): every tenant
     * the subscriber follows may have changed.
     */
    void resync();
  }

  /** An open subscription. */
  interface Subscription extends AutoCloseable {
    /** Stops the callbacks; idempotent, never throws. */
    @Override
    void close();
  }
}
