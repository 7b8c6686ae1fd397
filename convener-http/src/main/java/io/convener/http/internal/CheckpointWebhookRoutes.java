package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.NotFoundException;
import io.convener.api.provenance.CheckpointWebhook;
import io.convener.api.provenance.CheckpointWebhooks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checkpoint webhooks over HTTP: register ({@code POST}, answers the secret once), list and remove.
 * Admin-only by the choke point, which also logs each call and each denial.
 */
final class CheckpointWebhookRoutes {
  private final Convener convener;

  CheckpointWebhookRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("POST", "/v1/provenance/webhooks", this::add);
    router.add("GET", "/v1/provenance/webhooks", this::list);
    router.add("DELETE", "/v1/provenance/webhooks/{id}", this::remove);
  }

  private Response add(Request r) {
    JsonNode body = Jsons.object(r.body());
    String text = Jsons.required(body, "url");
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("url", "not a URL");
    }
    CheckpointWebhooks.Registered registered;
    try {
      registered = convener.checkpointWebhooks().register(r.principal(), url);
    } catch (IllegalArgumentException e) {
      String reason = String.valueOf(e.getMessage());
      throw new InvalidInputException("url", reason.startsWith("url ") ? reason.substring(4) : reason);
    }
    Map<String, Object> doc = json(registered.hook());
    doc.put("secret", registered.secret());
    return Response.json(201, doc);
  }

  private Response list(Request r) {
    return Response.ok(Map.of("webhooks",
        convener.checkpointWebhooks().list(r.principal()).stream().map(CheckpointWebhookRoutes::json).toList()));
  }

  private Response remove(Request r) {
    String id = r.path("id");
    if (!convener.checkpointWebhooks().remove(r.principal(), id)) {
      throw new NotFoundException("id", "no checkpoint webhook " + id);
    }
    return new Response(204, Response.JSON, Map.of(), new byte[0]);
  }

  static Map<String, Object> json(CheckpointWebhook h) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", h.id());
    doc.put("url", h.url().toString());
    doc.put("delivered", h.delivered().toString());
    doc.put("failures", h.failures());
    doc.put("nextAttemptAt", h.nextAttemptAt().toString());
    doc.put("createdAt", h.createdAt().toString());
    doc.put("createdBy", h.createdBy());
    return doc;
  }
}
