package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.innovation.InnovationSpread;
import io.convener.http.json.DetectionShapes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detected innovations: {@code GET /v1/innovation/candidates} lists the candidates and {@code POST
 * /v1/innovation/candidates/{tag}/confirm} confirms one (both take {@code window}, 1d to 3660d,
 * default 180d, and {@code asOf}, default now, as query parameters). A tag that is no candidate is
 * a 400 problem naming the field {@code tag} and the reason.
 */
final class InnovationDetectionRoutes {
  private static final Pattern DAYS = Pattern.compile("([1-9][0-9]{0,3})d");
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
    String window = r.param("window").orElse(InnovationSpread.DEFAULT_DETECTION_WINDOW.toDays() + "d");
    Matcher m = DAYS.matcher(window);
    if (!m.matches() || Integer.parseInt(m.group(1)) > MAX_DAYS) {
      throw new InvalidInputException("window", "expected 1d to " + MAX_DAYS + "d, got '" + window + "'");
    }
    return Duration.ofDays(Integer.parseInt(m.group(1)));
  }
}
