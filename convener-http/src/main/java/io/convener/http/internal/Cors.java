package io.convener.http.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cross-origin requests from the configured origins only (none by default). A request from an
 * allowed origin gets {@code Access-Control-Allow-Origin} with that origin and {@code Vary:
 * Origin}, and may read the headers the API answers with; a preflight ({@code OPTIONS} with {@code
 * Access-Control-Request-Method}) from an allowed origin, for a method the path has, is answered
 * 204 with the methods and the request headers the API reads. Bearer tokens, not cookies,
 * authenticate, so credentials are never allowed. Immutable; thread-safe.
 */
final class Cors {
  /** The request headers the API reads. */
  static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key",
      "Last-Event-ID");
  /** The response headers a browser script may read. */
  static final List<String> EXPOSED = List.of("Retry-After", "Idempotent-Replayed", "WWW-Authenticate", "Allow");
  static final String MAX_AGE = "600";

  private final Set<String> origins;

  Cors(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /** Whether the request is a CORS preflight. */
  static boolean isPreflight(String method, @Nullable String origin, @Nullable String requestMethod) {
    return method.equals("OPTIONS") && origin != null && requestMethod != null;
  }

  /** The headers for a response to a request with this {@code Origin} (none when not allowed). */
  Map<String, String> headers(@Nullable String origin) {
    if (!allowed(origin)) {
      return Map.of();
    }
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Access-Control-Allow-Origin", origin);
    h.put("Access-Control-Expose-Headers", String.join(", ", EXPOSED));
    h.put("Vary", "Origin");
    return h;
  }

  /**
   * The answer to a preflight.
   *
   * @param methods the methods the path allows (empty: no such path)
   */
  Response preflight(String origin, String requestMethod, @Nullable String requestHeaders, Set<String> methods) {
    if (!allowed(origin)) {
      return Problems.of(403, "cors_origin_denied", "Forbidden", "cross-origin requests from this origin are not allowed")
          .with("Vary", "Origin");
    }
    if (!methods.contains(requestMethod)) {
      return Problems.of(405, "method_not_allowed", "Method not allowed", requestMethod + " is not allowed on this path")
          .with("Allow", String.join(", ", methods));
    }
    if (requestHeaders != null) {
      for (String name : requestHeaders.split(",")) {
        String n = name.strip();
        if (!n.isEmpty() && REQUEST_HEADERS.stream().noneMatch(a -> a.equalsIgnoreCase(n))) {
          return Problems.of(403, "cors_header_denied", "Forbidden", "the request header " + n.toLowerCase(Locale.ROOT)
              + " is not allowed; allowed: " + String.join(", ", REQUEST_HEADERS));
        }
      }
    }
    Response r = new Response(204, Response.JSON, Map.of(), new byte[0]);
    for (Map.Entry<String, String> e : headers(origin).entrySet()) {
      r = r.with(e.getKey(), e.getValue());
    }
    return r.with("Access-Control-Allow-Methods", String.join(", ", methods))
        .with("Access-Control-Allow-Headers", String.join(", ", REQUEST_HEADERS))
        .with("Access-Control-Max-Age", MAX_AGE);
  }

  private boolean allowed(@Nullable String origin) {
    return origin != null && origins.contains(origin);
  }
}
