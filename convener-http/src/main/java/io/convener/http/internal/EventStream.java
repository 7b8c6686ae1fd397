package io.convener.http.internal;

import io.convener.api.InvalidInputException;
import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Notifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code GET /v1/notifications/stream}: the caller's notifications as Server-Sent Events, on {@link
 * Notifier#subscribe}. Each message is one event whose {@code id} is its sequence; a client that
 * reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) gets every message after that
 * one, replayed from the store and then live, with no gap and no duplicate ({@link SseSession}).
 * Heartbeats, stream limits and the end at token expiry are {@link SseStreams}'. Thread-safe.
 */
final class EventStream {
  static final String ROUTE = "/v1/notifications/stream";

  private final Notifier notifier;
  private final int capacity;
  private final SseStreams streams;

  EventStream(Notifier notifier, Duration heartbeat, int capacity, StreamCounts counts,
      ScheduledExecutorService scheduler, Clock clock) {
    this.notifier = notifier;
    this.capacity = capacity;
    this.streams = new SseStreams(heartbeat, counts, scheduler, clock);
  }

  /**
   * Opens the caller's stream and returns at once; the container keeps the response open.
   *
   * @param headers further response headers (CORS)
   * @throws InvalidInputException when {@code Last-Event-ID} is not a sequence
   * @throws StreamCounts.TooMany when the tenant or subject has too many streams open
   */
  void open(HttpServletRequest req, HttpServletResponse resp, Caller caller, Map<String, String> headers)
      throws IOException {
    long after = lastEventId(req);
    streams.open(req, resp, caller, headers, after, capacity, "stream",
        session -> notifier.subscribe(caller.principal(), after, session::offer));
  }

  /** Ends every open stream (the servlet is taken out of service). */
  void closeAll() {
    streams.closeAll();
  }

  /** How many streams are open on this node. */
  int openStreams() {
    return streams.openStreams();
  }

  static String event(InboxMessage m) {
    Map<String, Object> data = NotificationRoutes.json(m);
    return "id: " + m.sequence() + "\nevent: " + m.kind().replaceAll("[\\r\\n]", " ") + "\ndata: "
        + new String(Jsons.write(data), StandardCharsets.UTF_8) + "\n\n";
  }

  private static long lastEventId(HttpServletRequest req) {
    String value = req.getHeader("Last-Event-ID");
    if (value == null) {
      value = Dispatcher.query(req.getQueryString()).get("lastEventId");
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
}
