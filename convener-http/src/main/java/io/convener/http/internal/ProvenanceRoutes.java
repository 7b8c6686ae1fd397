package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ProvenancePage;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.http.json.TrustShapes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provenance routes: the log page by page, verification, signed checkpoints. */
final class ProvenanceRoutes {
  private final Convener convener;

  ProvenanceRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("GET", "/v1/provenance/events", this::events);
    router.add("GET", "/v1/provenance/verify", this::verify);
    router.add("POST", "/v1/provenance/verify", this::verifyAgainst);
    router.add("POST", "/v1/provenance/checkpoint", this::checkpoint);
  }

  /** One page of the log in order; {@code next} is the {@code after} of the following page. */
  private Response events(Request r) {
    ProvenanceQuery.Builder b = ProvenanceQuery.builder()
        .limit(r.intParam("limit", ProvenanceQuery.MAX_LIMIT).orElse(ProvenanceQuery.DEFAULT_LIMIT));
    r.param("since").ifPresent(v -> b.since(Jsons.instant("since", v)));
    r.param("until").ifPresent(v -> b.until(Jsons.instant("until", v)));
    r.param("activity").ifPresent(b::activity);
    r.param("agent").ifPresent(b::agent);
    r.param("entity").ifPresent(b::entity);
    r.param("after").ifPresent(v -> b.after(after(v)));
    ProvenancePage page = convener.provenance().query(r.principal(), b.build());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("events", page.entries().stream().map(TrustShapes::json).toList());
    page.next().ifPresent(n -> doc.put("next", n));
    return Response.ok(doc);
  }

  private static long after(String v) {
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new InvalidInputException("after", "must be >= 0");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("after", "not a number: '" + v + "'");
    }
  }

  private Response verify(Request r) {
    return Response.ok(TrustShapes.json(convener.provenance().verify(r.principal())));
  }

  /** Verifies the log and that it extends a checkpoint saved earlier ({@code {"checkpoint": text}}). */
  private Response verifyAgainst(Request r) {
    JsonNode body = Jsons.object(r.body());
    Checkpoint saved;
    try {
      saved = Checkpoint.parse(Jsons.required(body, "checkpoint"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("checkpoint", String.valueOf(e.getMessage()));
    }
    return Response.ok(TrustShapes.json(convener.provenance().verify(r.principal(), saved)));
  }

  private Response checkpoint(Request r) {
    Checkpoint c = convener.provenance().checkpoint(r.principal());
    return Response.ok(TrustShapes.json(c, convener.provenance().verifierKey(r.principal())));
  }
}
