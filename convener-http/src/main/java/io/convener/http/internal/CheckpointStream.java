package io.convener.http.internal;

import io.convener.api.AuthenticationException;
import io.convener.api.InvalidInputException;
import io.convener.api.notify.Subscription;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.ProvenanceLog;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/provenance/checkpoints/stream}: the tenant's checkpoint feed pushed as Server-Sent
 * Events, for a witness that wants each signed checkpoint as soon as any node keeps it ({@link
 * ProvenanceLog#followCheckpoints}; compliance officers and admins, the one logged call being the
 * subscription). Each checkpoint is one {@code checkpoint} event whose {@code id} is its feed cursor
 * ({@code <epoch ms>_<tree size>}, the {@code after} of the paged feed): a cursor rather than the
 * tree size, since a log cut short and rewritten signs a smaller size later, and a witness must see
 * it. A client that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) gets every
 * checkpoint after that one, replayed and then live. Same machinery as the notification stream
 * ({@link SseSession}, stream tickets, heartbeats, the per-tenant and per-subject stream limits,
 * ending when the token expires). Thread-safe.
 */
final class CheckpointStream {
  static final String ROUTE = "/v1/provenance/checkpoints/stream";
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStream.class);

  private final ProvenanceLog provenance;
  private final Duration heartbeat;
  private final StreamCounts counts;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Set<SseSession> open = ConcurrentHashMap.newKeySet();

  CheckpointStream(ProvenanceLog provenance, Duration heartbeat, StreamCounts counts,
      ScheduledExecutorService scheduler, Clock clock) {
    this.provenance = provenance;
    this.heartbeat = heartbeat;
    this.counts = counts;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /**
   * Opens the caller's checkpoint stream and returns at once; the container keeps the response open.
   *
   * @throws InvalidInputException when {@code Last-Event-ID} is not a feed cursor
   * @throws io.convener.api.AccessDeniedException when the caller may not read the log (nothing is opened)
   */
  void open(HttpServletRequest req, HttpServletResponse resp, Caller caller, Map<String, String> headers)
      throws IOException {
    CheckpointCursor after = lastEventId(req);
    Instant now = clock.instant();
    if (caller.expiresAt().isPresent() && !caller.expiresAt().get().isAfter(now)) {
      throw new AuthenticationException(AuthenticationException.Reason.EXPIRED, "the token has expired");
    }
    // Asked before the response starts, so that a refused caller gets a problem, not an empty stream.
    String verifierKey = provenance.verifierKey(caller.principal());
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
    SseSession session = new SseSession(async, resp.getOutputStream(), 0, 1, () -> {
      open.remove(self[0]);
      timers.forEach(t -> t.cancel(false));
      closeQuietly(subscription.getAndSet(null));
      lease.close();
    });
    self[0] = session;
    open.add(session);
    async.addListener(new Ender(session));
    resp.getOutputStream().setWriteListener(session);
    session.text("retry: " + EventStream.RETRY_MILLIS + "\n: checkpoint stream\n\n");
    long every = heartbeat.toMillis();
    timers.add(scheduler.scheduleAtFixedRate(() -> session.text(": keep-alive\n\n"), every, every,
        TimeUnit.MILLISECONDS));
    caller.expiresAt().ifPresent(at -> timers.add(scheduler.schedule(() -> {
      session.text(": the token has expired; reconnect with a fresh one\n\n");
      session.end();
    }, Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS)));
    try {
      subscription.set(provenance.followCheckpoints(caller.principal(), after,
          c -> session.text(event(c, verifierKey))));
    } catch (RuntimeException e) {
      LOG.warn("cannot follow the checkpoint feed: {}", e.getClass().getName());
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

  /** How many checkpoint streams are open on this node. */
  int openStreams() {
    return open.size();
  }

  /** One SSE event: the checkpoint as the paged feed serves it, with the verifier key that checks it. */
  static String event(Checkpoint c, String verifierKey) {
    Map<String, Object> data = CheckpointFeedRoutes.json(c);
    data.put("verifierKey", verifierKey);
    return "id: " + CheckpointCursor.of(c) + "\nevent: checkpoint\ndata: "
        + new String(Jsons.write(data), StandardCharsets.UTF_8) + "\n\n";
  }

  private static CheckpointCursor lastEventId(HttpServletRequest req) {
    String value = req.getHeader("Last-Event-ID");
    if (value == null) {
      value = Dispatcher.query(req.getQueryString()).get("lastEventId");
    }
    if (value == null || value.isBlank()) {
      return CheckpointCursor.start();
    }
    return CheckpointCursor.parse("Last-Event-ID", value.strip());
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
