package io.convener.http.internal;

import io.convener.api.CohortId;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.http.json.InnovationShapes;
import io.convener.http.json.LearningShapes;
import io.convener.http.json.PulseShapes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The read routes of the insight services: pulse, learning catalysts, innovation spread. */
final class InsightRoutes {

  private final Convener convener;
  private final Clock clock;

  InsightRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/v1/pulse/aggregate", this::pulse);
    router.add("GET", "/v1/learning/catalysts", this::catalysts);
    router.add("GET", "/v1/innovation/spread/{id}", this::spread);
  }

  private Response pulse(Request r) {
    PulseRequest request = new PulseRequest(scope(r), asOf(r), window(r));
    return Response.ok(PulseShapes.json(convener.pulse().report(r.principal(), request)));
  }

  static PulseScope scope(Request r) {
    List<String> given = List.of("team", "cohort", "org").stream().filter(n -> r.param(n).isPresent()).toList();
    if (given.size() > 1) {
      throw new InvalidInputException(given.get(1), "give only one of team, cohort and org");
    }
    if (given.isEmpty()) {
      return PulseScope.tenant();
    }
    String name = given.get(0);
    String value = r.param(name).orElseThrow();
    Function<String, PulseScope> make = switch (name) {
      case "team" -> v -> PulseScope.team(TeamId.of(v));
      case "cohort" -> v -> PulseScope.cohort(CohortId.of(v));
      default -> v -> PulseScope.org(OrgUnit.of(v));
    };
    try {
      return make.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, String.valueOf(e.getMessage()));
    }
  }

  private Instant asOf(Request r) {
    return r.param("asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
  }

  static Duration window(Request r) {
    return r.daysParam("window", Duration.ofDays(28), 366);
  }


  private Response catalysts(Request r) {
    AttributionRequest request = r.param("outcome")
        .map(id -> AttributionRequest.outcome(eventId("outcome", id)))
        .orElseGet(AttributionRequest::all);
    return Response.ok(Map.of("attributions",
        convener.learning().attribute(r.principal(), request).stream().map(LearningShapes::json).toList()));
  }

  private Response spread(Request r) {
    return Response.ok(InnovationShapes.json(convener.innovation().spread(r.principal(), eventId("id", r.path("id")))));
  }

  static EventId eventId(String field, String value) {
    try {
      return EventId.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, String.valueOf(e.getMessage()));
    }
  }
}
