package io.convener.http.internal;

import io.convener.api.InvalidInputException;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.ProvenanceLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code GET /v1/provenance/checkpoints/stream}: the tenant's checkpoint feed pushed as Server-Sent
 * Events, for a witness that wants each signed checkpoint as soon as any node keeps it ({@link
 * ProvenanceLog#followCheckpoints}; compliance officers and admins, the one logged call being the
 * subscription). Each checkpoint is one {@code checkpoint} event whose {@code id} is its feed cursor
 * ({@code <epoch ms>_<tree size>}, the {@code after} of the paged feed): a cursor rather than the
 * tree size, since a log cut short and rewritten signs a smaller size later, and a witness must see
 * it. A client that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) gets every
 * checkpoint after that one, replayed and then live. Same machinery as the notification stream
 * ({@link SseStreams}: stream tickets, heartbeats, the per-tenant and per-subject stream limits,
 * ending when the token expires). Thread-safe.
 */
final class CheckpointStream {
  static final String ROUTE = "/v1/provenance/checkpoints/stream";

  private final ProvenanceLog provenance;
  private final SseStreams streams;

  CheckpointStream(ProvenanceLog provenance, Duration heartbeat, StreamCounts counts,
      ScheduledExecutorService scheduler, Clock clock) {
    this.provenance = provenance;
    this.streams = new SseStreams(heartbeat, counts, scheduler, clock);
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
    streams.requireUnexpired(caller);
    // Asked before the response starts, so that a refused caller gets a problem, not an empty stream.
    String verifierKey = provenance.verifierKey(caller.principal());
    streams.open(req, resp, caller, headers, 0, 1, "checkpoint stream",
        session -> provenance.followCheckpoints(caller.principal(), after,
            c -> session.text(event(c, verifierKey))));
  }

  /** Ends every open stream (the servlet is taken out of service). */
  void closeAll() {
    streams.closeAll();
  }

  /** How many checkpoint streams are open on this node. */
  int openStreams() {
    return streams.openStreams();
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
}
