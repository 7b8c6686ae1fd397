package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open subscription: passes each message on at most once and in sequence order, dropping any
 * with a sequence not above the last one passed on. Until replay from the store is done, live
 * messages wait in a buffer; then those above the replay's last sequence follow. A listener that
 * throws closes the subscription. Thread-safe.
 */
final class HubSubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(HubSubscription.class);

  private final Consumer<InboxMessage> listener;
  private final Runnable onClose;
  private final List<InboxMessage> buffer = new ArrayList<>();
  private long last;
  private boolean replaying = true;
  private boolean closed;

  HubSubscription(long afterSequence, Consumer<InboxMessage> listener, Runnable onClose) {
    this.last = afterSequence;
    this.listener = requireNonNull(listener, "listener");
    this.onClose = requireNonNull(onClose, "onClose");
  }

  /** The last sequence passed on (or the starting point). */
  synchronized long last() {
    return last;
  }

  /** A message from the relay. */
  synchronized void live(InboxMessage message) {
    if (closed) {
      return;
    }
    if (replaying) {
      buffer.add(message);
    } else {
      deliver(message);
    }
  }

  /** Replay is done: passes on what was buffered meanwhile, then goes live. */
  synchronized void replayed() {
    replaying = false;
    buffer.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    for (InboxMessage m : buffer) {
      deliver(m);
    }
    buffer.clear();
  }

  /** Passes the message on unless it was passed on already. */
  synchronized void deliver(InboxMessage message) {
    if (closed || message.sequence() <= last) {
      return;
    }
    try {
      listener.accept(message);
      last = message.sequence();
    } catch (RuntimeException e) {
      LOG.warn("a notification listener threw {}; closing its subscription", e.getClass().getName());
      close();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      buffer.clear();
    }
    onClose.run();
  }
}
