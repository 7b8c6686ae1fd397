package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.CohortId;
import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.Role;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.http.json.ChampionShapes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Champion discovery and collaborator recommendations. Both are POST with a JSON query (the
 * fields of {@code convener champions} and {@code convener collaborators}); they change nothing
 * but the provenance log, so a repeat is harmless, with or without an {@code Idempotency-Key}.
 */
final class ChampionRoutes {
  private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,4})([hdw])");

  private final Convener convener;
  private final Clock clock;

  ChampionRoutes(Convener convener, Clock clock) {
    this.convener = convener;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("POST", "/v1/champions/discover", this::discover, Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD);
    router.add("POST", "/v1/collaborators/recommend", this::recommend, Role.ADMIN, Role.COMMUNITY_MANAGER,
        Role.TEAM_LEAD);
  }

  private Response discover(Request r) {
    JsonNode body = Jsons.object(r.body());
    String window = Jsons.optional(body, "window").orElse("90d");
    ChampionQuery.Builder b = ChampionQuery.builder().asOf(asOf(body)).window(window(window));
    Jsons.optional(body, "team").ifPresent(v -> b.team(id("team", () -> TeamId.of(v))));
    Jsons.optional(body, "cohort").ifPresent(v -> b.cohort(id("cohort", () -> CohortId.of(v))));
    Jsons.optional(body, "org").ifPresent(v -> b.org(id("org", () -> OrgUnit.of(v))));
    Jsons.optional(body, "role").ifPresent(v -> b.role(switch (v) {
      case "champion" -> ChampionRole.CHAMPION;
      case "connector" -> ChampionRole.CONNECTOR;
      default -> throw new InvalidInputException("role", "expected champion or connector, got '" + v + "'");
    }));
    b.minActivity(Jsons.number(body, "minActivity", 1));
    b.limit(Jsons.integer(body, "limit", 20, 1, ChampionQuery.MAX_LIMIT));
    return Response.ok(ChampionShapes.json(r.principal().tenant().value(), window,
        convener.champions().rank(r.principal(), b.build())));
  }

  private Response recommend(Request r) {
    JsonNode body = Jsons.object(r.body());
    TeamId team = id("team", () -> TeamId.of(Jsons.required(body, "team")));
    Set<String> skills = new LinkedHashSet<>();
    JsonNode list = body.path("skills");
    if (!list.isMissingNode() && !list.isNull()) {
      if (!list.isArray()) {
        throw new InvalidInputException("skills", "must be an array of strings");
      }
      list.forEach(s -> {
        if (!s.isTextual()) {
          throw new InvalidInputException("skills", "must be an array of strings");
        }
        if (!s.asText().isBlank()) {
          skills.add(s.asText().strip());
        }
      });
    }
    JsonNode diverse = body.path("diverse");
    if (!diverse.isMissingNode() && !diverse.isBoolean()) {
      throw new InvalidInputException("diverse", "must be true or false");
    }
    CollaboratorQuery query = CollaboratorQuery.of(team, skills)
        .withLimit(Jsons.integer(body, "limit", 10, 1, ChampionQuery.MAX_LIMIT))
        .withDiverseTies(diverse.asBoolean(false))
        .withWindow(window(Jsons.optional(body, "window").orElse("90d"))).withAsOf(asOf(body));
    return Response.ok(ChampionShapes.json(convener.champions().collaborators(r.principal(), query)));
  }

  private Instant asOf(JsonNode body) {
    return Jsons.optional(body, "asOf").map(v -> Jsons.instant("asOf", v)).orElseGet(clock::instant);
  }

  static Duration window(String value) {
    Matcher m = WINDOW.matcher(value);
    if (!m.matches()) {
      throw new InvalidInputException("window", "expected hours, days or weeks such as 36h, 90d or 12w, got '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(n);
    };
  }

  private static <T> T id(String field, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, String.valueOf(e.getMessage()));
    }
  }
}
