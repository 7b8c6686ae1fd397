package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.innovation.InnovationSpread;
import io.convener.http.json.DetectionShapes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Detected innovations: {@code GET /v1/innovation/candidates} lists the candidates and {@code POST
 * /v1/innovation/candidates/{tag}/confirm} confirms one (both take {@code window}, 1d to 3660d,
 * default 180d, and {@code asOf}, default now, as query parameters). A tag that is no candidate is
 * a 400 problem naming the field {@code tag} and the reason.
 */
final class InnovationDetectionRoutes {
  private static final int MAX_DAYS = 3660;

  private final Convener convener;
  private final Clock clock;

  InnovationDetectionRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/v1/innovation/candidates", this::candidates);
    router.add("POST", "/v1/innovation/candidates/{tag}/confirm", this::confirm);
  }

  private Response candidates(Request r) {
    return Response.ok(DetectionShapes.json(convener.innovation().candidates(r.principal(), window(r), asOf(r))));
  }

  private Response confirm(Request r) {
    return Response.ok(DetectionShapes.json(
        convener.innovation().confirm(r.principal(), r.path("tag"), window(r), asOf(r))));
  }

  private Instant asOf(Request r) {
    return r.param("asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
  }

  private static Duration window(Request r) {
    return r.daysParam("window", InnovationSpread.DEFAULT_DETECTION_WINDOW, MAX_DAYS);
  }
}
