package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackKind;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.Verdict;
import io.convener.api.pulse.RiskKind;
import io.convener.http.json.FeedbackShapes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The routes of feedback: give it ({@code POST /v1/feedback}), list it ({@code GET /v1/feedback}),
 * review a dispute ({@code POST /v1/feedback/{id}/review}, admins) and the counts per team ({@code
 * GET /v1/feedback/rates}). Who may give feedback on what is the service's rule; each call leaves
 * one provenance entry.
 */
final class FeedbackRoutes {
  private final Convener convener;

  FeedbackRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("POST", "/v1/feedback", this::give, Role.MEMBER, Role.TEAM_LEAD, Role.COMMUNITY_MANAGER, Role.ADMIN);
    router.add("GET", "/v1/feedback", this::list);
    router.add("GET", "/v1/feedback/rates", this::rates, Role.ADMIN, Role.COMMUNITY_MANAGER);
    router.add("POST", "/v1/feedback/{id}/review", this::review, Role.ADMIN);
  }

  private Response give(Request r) {
    JsonNode body = Jsons.object(r.body());
    FeedbackKind kind = parse("kind", Jsons.required(body, "kind"), FeedbackKind::of);
    FeedbackTarget target;
    try {
      target = new FeedbackTarget(kind, part(body, "member", MemberId::of), part(body, "team", TeamId::of),
          part(body, "outcome", EventId::of),
          part(body, "risk", v -> RiskKind.valueOf(v.trim().toUpperCase(Locale.ROOT))));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", String.valueOf(e.getMessage()));
    }
    Verdict verdict = parse("verdict", Jsons.required(body, "verdict"), Verdict::of);
    Feedback f = convener.feedback().give(r.principal(), target, verdict, Jsons.optional(body, "reason").orElse(""));
    return Response.json(201, FeedbackShapes.json(f));
  }

  private Response list(Request r) {
    Optional<FeedbackStatus> status = r.param("status").map(s -> parse("status", s, FeedbackStatus::of));
    return Response.ok(Map.of("feedback",
        convener.feedback().list(r.principal(), status).stream().map(FeedbackShapes::json).toList()));
  }

  private Response rates(Request r) {
    return Response.ok(Map.of("teams",
        convener.feedback().rates(r.principal()).stream().map(FeedbackShapes::json).toList()));
  }

  private Response review(Request r) {
    FeedbackId id = parse("id", r.path("id"), FeedbackId::of);
    boolean accept = Jsons.requiredBoolean(Jsons.object(r.body()), "accept");
    return Response.ok(FeedbackShapes.json(convener.feedback().review(r.principal(), id, accept)));
  }

  /** The optional part of a target, parsed; a bad value is refused naming its field. */
  private static <T> Optional<T> part(JsonNode body, String field, Function<String, T> parser) {
    return Jsons.optional(body, field).map(v -> parse(field, v, parser));
  }

  private static <T> T parse(String field, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, field.equals("risk")
          ? "expected one of ENGAGEMENT_DROP, SILENT_MEMBER, UNANSWERED, LOW_INCLUSION, NEGATIVE_SENTIMENT,"
              + " LOW_PSYCH_SAFETY"
          : String.valueOf(e.getMessage()));
    }
  }
}
