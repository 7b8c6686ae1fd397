package io.convener.http.internal;

import io.convener.api.AuthenticationException;
import io.convener.api.notify.Subscription;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Server-Sent Events route shares ({@link EventStream}, {@link CheckpointStream}): the
 * caller's stream lease ({@link StreamCounts}), the response headers, the servlet's async I/O (an
 * open stream holds no thread), a {@code retry:} field, a comment every {@code heartbeat} so that
 * proxies keep the stream open and a client that left is noticed, and a clean end when the caller's
 * token expires, so that the client reconnects with a fresh one. The route supplies the feed. One
 * instance per route, so that each counts its own open streams. Thread-safe.
 */
final class SseStreams {
  /** How long a browser waits before it reconnects. */
  static final long RETRY_MILLIS = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(SseStreams.class);

  private final Duration heartbeat;
  private final StreamCounts counts;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Set<SseSession> open = ConcurrentHashMap.newKeySet();

  SseStreams(Duration heartbeat, StreamCounts counts, ScheduledExecutorService scheduler, Clock clock) {
    this.heartbeat = heartbeat;
    this.counts = counts;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** The route's feed, subscribed once the session is open; the subscription closes with the stream. */
  interface Feed {
    Subscription subscribe(SseSession session);
  }

  /**
   * Refuses a caller whose token has already expired: to be asked before anything else is done for
   * the caller, and again by {@link #open}.
   */
  void requireUnexpired(Caller caller) {
    Instant now = clock.instant();
    if (caller.expiresAt().isPresent() && !caller.expiresAt().get().isAfter(now)) {
      throw new AuthenticationException(AuthenticationException.Reason.EXPIRED, "the token has expired");
    }
  }

  /**
   * Opens a stream and returns at once; the container keeps the response open.
   *
   * @param after the sequence the session starts after (0 when its events carry their own ids)
   * @param capacity how many events the session queues for a slow client
   * @param banner the comment the stream starts with
   * @param headers further response headers (CORS)
   * @throws StreamCounts.TooMany when the tenant or subject has too many streams open
   */
  void open(HttpServletRequest req, HttpServletResponse resp, Caller caller, Map<String, String> headers,
      long after, int capacity, String banner, Feed feed) throws IOException {
    requireUnexpired(caller);
    Instant now = clock.instant();
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
    List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    SseSession[] self = new SseSession[1];
    SseSession session = new SseSession(async, resp.getOutputStream(), after, capacity, () -> {
      open.remove(self[0]);
      timers.forEach(t -> t.cancel(false));
      closeQuietly(subscription.getAndSet(null));
      lease.close();
    });
    self[0] = session;
    open.add(session);
    async.addListener(new Ender(session));
    resp.getOutputStream().setWriteListener(session);
    session.text("retry: " + RETRY_MILLIS + "\n: " + banner + "\n\n");
    long every = heartbeat.toMillis();
    timers.add(scheduler.scheduleAtFixedRate(() -> session.text(": keep-alive\n\n"), every, every,
        TimeUnit.MILLISECONDS));
    caller.expiresAt().ifPresent(at -> timers.add(scheduler.schedule(() -> {
      session.text(": the token has expired; reconnect with a fresh one\n\n");
      session.end();
    }, Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS)));
    try {
      subscription.set(feed.subscribe(session));
    } catch (RuntimeException e) {
      // The response is started: the stream ends and the client reconnects after its retry delay.
      LOG.warn("cannot subscribe the {} feed: {}", banner, e.getClass().getName());
      session.abort();
      return;
    }
    if (session.ended()) {
      closeQuietly(subscription.getAndSet(null));
    }
  }

  /** Ends every open stream (the servlet is taken out of service). */
  void closeAll() {
    List.copyOf(open).forEach(SseSession::abort);
  }

  /** How many streams of this route are open on this node. */
  int openStreams() {
    return open.size();
  }

  private static void closeQuietly(@Nullable Subscription s) {
    if (s != null) {
      s.close();
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
