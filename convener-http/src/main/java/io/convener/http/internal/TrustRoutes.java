package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.approval.ApprovalId;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.http.json.TrustShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The routes of the trust core: events (ingestion), approvals and consent. */
final class TrustRoutes {
  private final Convener convener;

  TrustRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("POST", "/v1/events", this::ingest, Role.ADMIN);
    router.add("POST", "/v1/approvals/request", this::request, Role.ADMIN, Role.COMMUNITY_MANAGER, Role.TEAM_LEAD);
    router.add("POST", "/v1/approvals/{id}/decide", this::decide, Role.MEMBER, Role.ADMIN);
    router.add("GET", "/v1/approvals", this::approvals);
    router.add("POST", "/v1/consent/grant", this::grant, Role.MEMBER, Role.ADMIN);
    router.add("POST", "/v1/consent/revoke", this::revoke, Role.MEMBER, Role.ADMIN);
    router.add("GET", "/v1/consent", this::consents);
  }

  /**
   * JSON Lines in the body (CSV with {@code ?format=csv}), parsed as it arrives; the report as
   * {@code convener ingest} prints it.
   */
  private Response ingest(Request r) {
    InputFormat format = switch (r.param("format").orElse("jsonl")) {
      case "jsonl", "ndjson" -> InputFormat.JSON_LINES;
      case "csv" -> InputFormat.CSV;
      default -> throw new InvalidInputException("format", "expected jsonl or csv");
    };
    IngestReport report = convener.ingest().stream(r.principal(), r.bodyStream(), format);
    return Response.ok(TrustShapes.json(r.principal().tenant().value(), report));
  }

  private Response request(Request r) {
    JsonNode body = Jsons.object(r.body());
    var approval = convener.approvals().request(r.principal(), member(body, "subject"), purpose(body),
        Jsons.required(body, "scope"));
    return Response.json(201, TrustShapes.json(approval));
  }

  private Response decide(Request r) {
    JsonNode body = Jsons.object(r.body());
    ApprovalId id;
    try {
      id = ApprovalId.of(r.path("id"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("id", String.valueOf(e.getMessage()));
    }
    var approval = convener.approvals().decide(r.principal(), id, Jsons.requiredBoolean(body, "approve"),
        Jsons.optional(body, "reason").orElse(""));
    return Response.ok(TrustShapes.json(approval));
  }

  private Response approvals(Request r) {
    Optional<ApprovalStatus> status = r.param("status").map(s -> {
      try {
        return ApprovalStatus.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status", "expected pending, approved, denied or expired");
      }
    });
    return Response.ok(Map.of("approvals",
        convener.approvals().list(r.principal(), status).stream().map(TrustShapes::json).toList()));
  }

  private Response grant(Request r) {
    JsonNode body = Jsons.object(r.body());
    ConsentRecord record = convener.consent().grant(r.principal(), member(body, "member"), purpose(body),
        Jsons.optional(body, "noticeVersion").orElse("http"),
        Jsons.optional(body, "expiresAt").map(v -> Jsons.instant("expiresAt", v)));
    return Response.ok(Map.of("consents", List.of(TrustShapes.json(record))));
  }

  private Response revoke(Request r) {
    JsonNode body = Jsons.object(r.body());
    ConsentRecord record = convener.consent().revoke(r.principal(), member(body, "member"), purpose(body));
    return Response.ok(Map.of("consents", List.of(TrustShapes.json(record))));
  }

  /**
   * A member's history ({@code ?member=}), or who consents now. Members may list only their own
   * records; admins, community managers and compliance officers any. Each request is one gated read
   * of the consent gate, so it leaves one provenance entry, a refusal included.
   */
  private Response consents(Request r) {
    Principal p = r.principal();
    Optional<MemberId> member = r.param("member").map(v -> member("member", v));
    Optional<Purpose> only = r.param("purpose").map(v -> purpose("purpose", v));
    ConsentGate consent = convener.consent();
    List<ConsentRecord> records = member.isPresent()
        ? consent.history(p, member.get()).stream()
            .filter(rec -> only.map(x -> x.equals(rec.purpose())).orElse(true))
            .toList()
        : consent.granted(p, only);
    return Response.ok(Map.of("consents", records.stream().map(TrustShapes::json).toList()));
  }

  private static MemberId member(JsonNode body, String field) {
    return member(field, Jsons.required(body, field));
  }

  private static MemberId member(String field, String value) {
    try {
      return MemberId.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, String.valueOf(e.getMessage()));
    }
  }

  private static Purpose purpose(JsonNode body) {
    return purpose("purpose", Jsons.required(body, "purpose"));
  }

  private static Purpose purpose(String field, String value) {
    try {
      return Purpose.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, String.valueOf(e.getMessage()));
    }
  }
}
