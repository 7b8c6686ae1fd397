package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.learning.PlanRequest;
import io.convener.http.json.LearningPlanShapes;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Learning plans: {@code GET /v1/learning/plan} answers the plan of one {@code member} or one
 * {@code team} (exactly one), with {@code tags} of planned work (comma-separated), {@code limit} (1
 * to 50, default 5), {@code window} of recent work (1d to 3660d, default 90d) and {@code asOf}
 * (default now); {@code POST /v1/learning/plan/notify} with the same query parameters also sends
 * it as a {@code learning.plan} notification. An unknown member or team is a 404 naming the field;
 * a member without consent for {@code learning.attribution} a 403.
 */
final class LearningPlanRoutes {
  private final Convener convener;
  private final Clock clock;

  LearningPlanRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/v1/learning/plan", r -> plan(r, false));
    router.add("POST", "/v1/learning/plan/notify", r -> plan(r, true));
  }

  private Response plan(Request r, boolean deliver) {
    PlanRequest request = request(r);
    return Response.ok(LearningPlanShapes.json(
        convener.learning().plan(r.principal(), deliver ? request.notifying() : request)));
  }

  private PlanRequest request(Request r) {
    Instant asOf = r.param("asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
    if (r.param("member").isPresent() == r.param("team").isPresent()) {
      throw new InvalidInputException(r.param("member").isPresent() ? "team" : "member",
          "give exactly one of member and team");
    }
    PlanRequest p;
    try {
      p = r.param("member").isPresent() ? PlanRequest.forMember(MemberId.of(r.param("member").get()), asOf)
          : PlanRequest.forTeam(TeamId.of(r.param("team").orElseThrow()), asOf);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(r.param("member").isPresent() ? "member" : "team", String.valueOf(e.getMessage()));
    }
    int limit = r.intParam("limit", PlanRequest.MAX_LIMIT).orElse(PlanRequest.DEFAULT_LIMIT);
    List<String> tags = r.param("tags").map(t -> Arrays.stream(t.split(",")).filter(s -> !s.isBlank()).toList())
        .orElse(List.of());
    try {
      p = p.withPlanTags(tags);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("tags", String.valueOf(e.getMessage()));
    }
    return p.withLimit(limit)
        .withWindow(r.daysParam("window", PlanRequest.DEFAULT_WINDOW, PlanRequest.MAX_WINDOW_DAYS));
  }

}
