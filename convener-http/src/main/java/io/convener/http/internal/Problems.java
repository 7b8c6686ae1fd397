package io.convener.http.internal;

import io.convener.api.AccessDeniedException;
import io.convener.api.AuthenticationException;
import io.convener.api.ConsentChangedException;
import io.convener.api.ConvenerException;
import io.convener.api.IntegrityException;
import io.convener.api.InvalidInputException;
import io.convener.api.NotFoundException;
import io.convener.api.PluginException;
import io.convener.api.RateLimitedException;
import io.convener.api.StorageException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): {@code type} is a stable
 * URI ending in the error code, {@code code} is the code itself (the same codes as {@link
 * ConvenerException#code()}), {@code title} and {@code status} follow the RFC, {@code detail} is the
 * exception's message for people. An unexpected exception becomes a 500 with only an error id; its
 * stack trace goes to the log, never to the client.
 */
final class Problems {
  static final String TYPE_BASE = "https://convener.io/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** A problem response. */
  static Response of(int status, String code, String title, String detail) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", TYPE_BASE + code);
    doc.put("title", title);
    doc.put("status", status);
    doc.put("code", code);
    doc.put("detail", detail);
    return new Response(status, Response.PROBLEM, Map.of(), Jsons.write(doc));
  }

  /** The response for an exception thrown while serving a request. */
  static Response of(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof Body.TooLarge e) {
        return of(413, "body_too_large", "Payload too large", e.getMessage() + "; send it in parts")
            .with("Connection", "close");
      }
      if (c instanceof Body.Unreadable) {
        return of(400, "body_unreadable", "Bad request", "the request body could not be read")
            .with("Connection", "close");
      }
    }
    if (t instanceof StreamCounts.TooMany e) {
      return of(429, "too_many_streams", "Too many streams", e.getMessage()).with("Retry-After", "30");
    }
    if (t instanceof StreamTickets.Refused e) {
      return of(401, e.code, "Unauthorized", e.getMessage())
          .with("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    if (t instanceof NotFoundException e) {
      return withField(of(404, e.code(), "Not found", e.getMessage()), e, "Not found");
    }
    if (t instanceof InvalidInputException e) {
      Response r = of(400, e.code(), "Invalid input", e.getMessage());
      return e.field().isPresent() ? withField(r, e, "Invalid input") : r;
    }
    if (t instanceof AuthenticationException e) {
      return of(401, e.code(), "Unauthorized", e.getMessage())
          .with("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    if (t instanceof AccessDeniedException e) {
      return of(403, e.code(), "Forbidden", e.getMessage());
    }
    if (t instanceof RateLimitedException e) {
      long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
      return of(429, e.code(), "Too many requests", e.getMessage()).with("Retry-After", Long.toString(seconds));
    }
    if (t instanceof ConsentChangedException e) {
      return of(409, e.code(), "Consent changed during the call", e.getMessage()).with("Retry-After", "1");
    }
    if (t instanceof StorageException e) {
      LOG.warn("storage unavailable: {}", e.getMessage());
      return of(503, e.code(), "Storage unavailable", "the store cannot serve the request now").with("Retry-After", "5");
    }
    if (t instanceof IntegrityException e) {
      return of(500, e.code(), "Integrity check failed", e.getMessage());
    }
    if (t instanceof PluginException e) {
      return of(502, e.code(), "A plugin failed", e.getMessage());
    }
    if (t instanceof IllegalArgumentException e) {
      return of(400, "invalid_argument", "Invalid argument", String.valueOf(e.getMessage()));
    }
    String id = UUID.randomUUID().toString();
    LOG.error("internal error {}", id, t);
    return of(500, "internal", "Internal error", "an unexpected error occurred; error id " + id);
  }

  private static Response withField(Response r, InvalidInputException e, String title) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", TYPE_BASE + e.code());
    doc.put("title", title);
    doc.put("status", r.status());
    doc.put("code", e.code());
    doc.put("detail", e.getMessage());
    doc.put("field", e.field().orElseThrow());
    return new Response(r.status(), Response.PROBLEM, Map.of(), Jsons.write(doc));
  }
}
