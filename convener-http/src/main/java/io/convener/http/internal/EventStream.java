package io.convener.http.internal;

import com.sun.net.httpserver.HttpExchange;
import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Notifier;
import io.convener.api.notify.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/notifications/stream}: the caller's notifications as Server-Sent Events, on {@link
 * Notifier#subscribe}. Each message is one event whose {@code id} is its sequence; a client that
 * reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) gets every message after that
 * one, replayed from the store and then live, with no gap and no duplicate (sequences at or below
 * the last one written are skipped). A comment line every {@code heartbeat} keeps proxies from
 * closing an idle stream. The listener never blocks the relay: it puts messages on a bounded
 * queue; when a slow client lets the queue fill, the listener takes nothing more and the stream
 * ends after writing what it holds, so the client reconnects from its last id without a gap.
 */
final class EventStream implements Dispatcher.Streaming {
  static final String ROUTE = "/v1/notifications/stream";

  private final Notifier notifier;
  private final Duration heartbeat;
  private final int capacity;

  EventStream(Notifier notifier, Duration heartbeat, int capacity) {
    this.notifier = notifier;
    this.heartbeat = heartbeat;
    this.capacity = capacity;
  }

  @Override
  public void serve(HttpExchange exchange, Principal principal) throws IOException {
    long after = lastEventId(exchange);
    BlockingQueue<InboxMessage> queue = new LinkedBlockingQueue<>(capacity);
    AtomicBoolean full = new AtomicBoolean();
    Subscription subscription = notifier.subscribe(principal, after, m -> {
      if (full.get() || !queue.offer(m)) {
        full.set(true);
      }
    });
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, "retry: 2000\n: stream\n\n");
      out.flush();
      pump(queue, full, out, after);
    } catch (IOException e) {
      // the client went away; it reconnects with its Last-Event-ID
    } finally {
      subscription.close();
      exchange.close();
    }
  }

  private void pump(BlockingQueue<InboxMessage> queue, AtomicBoolean full, OutputStream out, long after)
      throws IOException {
    long last = after;
    while (true) {
      InboxMessage m;
      try {
        m = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (m == null) {
        if (full.get()) {
          return;
        }
        write(out, ": keep-alive\n\n");
        out.flush();
        continue;
      }
      if (m.sequence() > last) {
        write(out, event(m));
        last = m.sequence();
      }
      if (queue.isEmpty()) {
        out.flush();
        if (full.get()) {
          return;
        }
      }
    }
  }

  static String event(InboxMessage m) {
    Map<String, Object> data = NotificationRoutes.json(m);
    return "id: " + m.sequence() + "\nevent: " + m.kind().replaceAll("[\\r\\n]", " ") + "\ndata: "
        + new String(Jsons.write(data), StandardCharsets.UTF_8) + "\n\n";
  }

  private static long lastEventId(HttpExchange exchange) {
    @Nullable String header = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    String value = header;
    if (value == null) {
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.startsWith("lastEventId=")) {
            value = pair.substring("lastEventId=".length());
          }
        }
      }
    }
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id < 0) {
        throw new InvalidInputException("Last-Event-ID", "must be >= 0, got " + value);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Last-Event-ID", "not a sequence number: '" + value + "'");
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
