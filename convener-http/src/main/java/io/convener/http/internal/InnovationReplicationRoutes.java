package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.innovation.InnovationSpread;
import io.convener.http.json.ReplicationShapes;
import java.time.Clock;
import java.time.Instant;

/**
 * Replication suggestions: {@code GET /v1/innovation/{id}/suggestions} ranks the teams that had
 * not adopted the innovation by {@code asOf} (default now), {@code limit} of them (1 to 100,
 * default 5). An unknown innovation is a 400 problem naming the field {@code innovation}.
 */
final class InnovationReplicationRoutes {
  private final Convener convener;
  private final Clock clock;

  InnovationReplicationRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/v1/innovation/{id}/suggestions", this::suggestions);
  }

  private Response suggestions(Request r) {
    int limit = r.intParam("limit", InnovationSpread.MAX_SUGGESTION_LIMIT)
        .orElse(InnovationSpread.DEFAULT_SUGGESTION_LIMIT);
    Instant asOf = r.param("asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
    return Response.ok(ReplicationShapes.json(convener.innovation()
        .suggest(r.principal(), InsightRoutes.eventId("id", r.path("id")), limit, asOf)));
  }
}
