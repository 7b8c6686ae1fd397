package io.convener.http.internal;

import io.convener.api.AuthenticationException;
import io.convener.api.InvalidInputException;
import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Notifier;
import io.convener.api.notify.Subscription;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/notifications/stream}: the caller's notifications as Server-Sent Events, on {@link
 * Notifier#subscribe}, on the servlet's async I/O: an open stream holds no thread. Each message is
 * one event whose {@code id} is its sequence; a client that reconnects with {@code Last-Event-ID}
 * (or {@code ?lastEventId=}) gets every message after that one, replayed from the store and then
 * live, with no gap and no duplicate ({@link SseSession}). The stream starts with a {@code retry:}
 * field, gets a comment line every {@code heartbeat} so that proxies keep it open (and so that a
 * client that left is noticed), and ends cleanly when the caller's token expires, so that the
 * client reconnects with a fresh one. Thread-safe.
 */
final class EventStream {
  static final String ROUTE = "/v1/notifications/stream";
  /** How long a browser waits before it reconnects. */
  static final long RETRY_MILLIS = 2000;

  private final Notifier notifier;
  private final Duration heartbeat;
  private final int capacity;
  private final StreamCounts counts;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final Set<SseSession> open = ConcurrentHashMap.newKeySet();

  EventStream(Notifier notifier, Duration heartbeat, int capacity, StreamCounts counts,
      ScheduledExecutorService scheduler, Clock clock) {
    this.notifier = notifier;
    this.heartbeat = heartbeat;
    this.capacity = capacity;
    this.counts = counts;
    this.scheduler = scheduler;
    this.clock = clock;
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
    Instant now = clock.instant();
    if (caller.expiresAt().isPresent() && !caller.expiresAt().get().isAfter(now)) {
      throw new AuthenticationException(AuthenticationException.Reason.EXPIRED, "the token has expired");
    }
    StreamCounts.Lease lease = counts.acquire(caller.principal());
    resp.setStatus(200);
    resp.setContentType("text/event-stream; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Accel-Buffering", "no");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    headers.forEach(resp::setHeader);
    AsyncContext async = req.startAsync();
    async.setTimeout(0);
    AtomicReference<@Nullable Subscription> subscription = new AtomicReference<>();
    List<ScheduledFuture<?>> timers = new java.util.concurrent.CopyOnWriteArrayList<>();
    SseSession[] self = new SseSession[1];
    SseSession session = new SseSession(async, resp.getOutputStream(), after, capacity, () -> {
      open.remove(self[0]);
      timers.forEach(t -> t.cancel(false));
      Subscription s = subscription.getAndSet(null);
      if (s != null) {
        s.close();
      }
      lease.close();
    });
    self[0] = session;
    open.add(session);
    async.addListener(new Ender(session));
    resp.getOutputStream().setWriteListener(session);
    session.text("retry: " + RETRY_MILLIS + "\n: stream\n\n");
    long every = heartbeat.toMillis();
    timers.add(scheduler.scheduleAtFixedRate(() -> session.text(": keep-alive\n\n"), every, every,
        TimeUnit.MILLISECONDS));
    caller.expiresAt().ifPresent(at -> timers.add(scheduler.schedule(() -> {
      session.text(": the token has expired; reconnect with a fresh one\n\n");
      session.end();
    }, Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS)));
    try {
      subscription.set(notifier.subscribe(caller.principal(), after, session::offer));
    } catch (RuntimeException e) {
      // The response is started: the stream ends and the client reconnects after its retry delay.
      LOG.warn("cannot subscribe an event stream: {}", e.getMessage());
      session.abort();
      return;
    }
    if (session.ended()) {
      Subscription s = subscription.getAndSet(null);
      if (s != null) {
        s.close();
      }
    }
  }

  /** Ends every open stream (the servlet is taken out of service). */
  void closeAll() {
    List.copyOf(open).forEach(SseSession::abort);
  }

  /** How many streams are open on this node. */
  int openStreams() {
    return open.size();
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

  /** Ends the session when the container ends the request (error, timeout, shutdown). */
  private record Ender(SseSession session) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      session.abort();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      session.abort();
    }

    @Override
    public void onError(AsyncEvent event) {
      session.abort();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not restarted
    }
  }
}
