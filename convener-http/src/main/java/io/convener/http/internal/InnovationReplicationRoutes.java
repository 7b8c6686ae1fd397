package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.innovation.InnovationSpread;
import io.convener.http.json.ReplicationShapes;
import io.convener.http.json.RoiShapes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Replication suggestions and ROI: {@code GET /v1/innovation/{id}/suggestions} ranks the teams
 * that had not adopted the innovation by {@code asOf} (default now), {@code limit} of them (1 to
 * 100, default 5); {@code GET /v1/innovation/{id}/roi} compares outcomes ({@code outcome} names
 * them, default all) in the {@code before} and {@code after} windows (1d to 3660d, default 28d). An
 * unknown innovation is a 400 problem naming the field {@code innovation}.
 */
final class InnovationReplicationRoutes {
  private static final int MAX_DAYS = 3660;

  private final Convener convener;
  private final Clock clock;

  InnovationReplicationRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/v1/innovation/{id}/suggestions", this::suggestions);
    router.add("GET", "/v1/innovation/{id}/roi", this::roi);
  }

  private Response suggestions(Request r) {
    int limit = r.intParam("limit", InnovationSpread.MAX_SUGGESTION_LIMIT)
        .orElse(InnovationSpread.DEFAULT_SUGGESTION_LIMIT);
    Instant asOf = r.param("asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
    return Response.ok(ReplicationShapes.json(convener.innovation()
        .suggest(r.principal(), InsightRoutes.eventId("id", r.path("id")), limit, asOf)));
  }

  private Response roi(Request r) {
    return Response.ok(RoiShapes.json(convener.innovation().roi(r.principal(),
        InsightRoutes.eventId("id", r.path("id")), r.param("outcome"), days(r, "before"), days(r, "after"))));
  }

  private static Duration days(Request r, String field) {
    return r.daysParam(field, InnovationSpread.DEFAULT_ROI_WINDOW, MAX_DAYS);
  }
}
