package io.convener.http.internal;

import io.convener.api.notify.InboxMessage;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One open event stream, written with the servlet's non-blocking output: nothing waits for the
 * client. Messages and comments go on a queue from any thread (the relay's, the scheduler's);
 * whoever finds the output ready writes what is queued and flushes, and when it is not ready the
 * container calls {@link #onWritePossible()} later. A message at or below the last sequence
 * written is skipped, so a replay that overlaps the live feed sends nothing twice. When the queue
 * would pass its capacity (a client that does not read), the session takes no more messages and
 * ends once the queue is written; the client resumes from its last id. Thread-safe.
 */
final class SseSession implements WriteListener {
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final int capacity;
  private final Runnable onEnd;
  private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean closing;
  private long last;
  private boolean flush;

  /**
   * @param after the last sequence the client has seen
   * @param onEnd runs once when the stream ends, whichever way
   */
  SseSession(AsyncContext async, ServletOutputStream out, long after, int capacity, Runnable onEnd) {
    this.async = async;
    this.out = out;
    this.last = after;
    this.capacity = capacity;
    this.onEnd = onEnd;
  }

  /** Queues a message (the relay's listener: never blocks). */
  void offer(InboxMessage m) {
    if (closing) {
      return;
    }
    if (messages.incrementAndGet() > capacity) {
      messages.decrementAndGet();
      end();
      return;
    }
    pending.add(m);
    drain();
  }

  /** Queues raw SSE text, such as a comment line. */
  void text(String text) {
    if (!closing) {
      pending.add(text);
      drain();
    }
  }

  /** Ends the stream once what is queued has been written. */
  void end() {
    closing = true;
    drain();
  }

  /** Whether the stream has ended. */
  boolean ended() {
    return ended.get();
  }

  @Override
  public void onWritePossible() {
    drain();
  }

  @Override
  public void onError(Throwable t) {
    abort();
  }

  /** Ends the stream now, without writing what is queued (the client went away, or shutdown). */
  void abort() {
    if (ended.compareAndSet(false, true)) {
      try {
        onEnd.run();
      } finally {
        completeQuietly();
      }
    }
  }

  /** Writes what it can; ends the stream outside the lock, so that ending never waits on the relay. */
  private void drain() {
    if (write()) {
      abort();
    }
  }

  /** Writes while the output is ready; true when the stream should end now. */
  private synchronized boolean write() {
    if (ended.get()) {
      return false;
    }
    try {
      while (out.isReady()) {
        Object item = pending.poll();
        if (item == null) {
          if (flush) {
            flush = false;
            out.flush();
            continue;
          }
          return closing;
        }
        String text = render(item);
        if (text != null) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
          flush = true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  private @Nullable String render(Object item) {
    if (item instanceof InboxMessage m) {
      messages.decrementAndGet();
      if (m.sequence() <= last) {
        return null;
      }
      last = m.sequence();
      return EventStream.event(m);
    }
    return (String) item;
  }

  private void completeQuietly() {
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // completed already (the container ended the request)
    }
  }
}
