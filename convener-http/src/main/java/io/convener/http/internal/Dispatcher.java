package io.convener.http.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.convener.api.AuthenticationException;
import io.convener.api.Principal;
import io.convener.api.auth.TokenVerifier;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Serves every request: health and the OpenAPI document without a token; everything else under
 * {@code /v1/} only with a bearer token the {@link TokenVerifier} accepts, the tenant taken from the
 * token. Then routing, idempotency for POST, the handler, problem details for any exception, one
 * span and one duration measurement per request.
 */
final class Dispatcher implements HttpHandler {
  /** A route that writes its own response, such as the event stream. */
  @FunctionalInterface
  interface Streaming {
    void serve(HttpExchange exchange, Principal principal) throws IOException;
  }

  private final Router router;
  private final Map<String, Streaming> streams;
  private final TokenVerifier verifier;
  private final Idempotency idempotency;
  private final Telemetry telemetry;
  private final Map<String, Supplier<Response>> open;
  private final long maxBodyBytes;

  /**
   * @param open the GET routes served without a token (health, readiness, the OpenAPI document)
   */
  Dispatcher(Router router, Map<String, Streaming> streams, Map<String, Supplier<Response>> open,
      TokenVerifier verifier, Idempotency idempotency, Telemetry telemetry, long maxBodyBytes) {
    this.router = router;
    this.streams = Map.copyOf(streams);
    this.open = Map.copyOf(open);
    this.verifier = verifier;
    this.idempotency = idempotency;
    this.telemetry = telemetry;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Optional<Router.Match> match = router.match(method, path);
    @Nullable Supplier<Response> openRoute = method.equals("GET") || method.equals("HEAD") ? open.get(path) : null;
    String route = openRoute != null ? path : match.map(m -> m.route().template()).orElse("unmatched");
    Span span = telemetry.start(method, route, exchange.getRequestHeaders());
    @Nullable String tenant = null;
    int status = 500;
    Scope scope = span.makeCurrent();
    try {
      Response response;
      try {
        if (openRoute != null) {
          response = openRoute.get();
        } else if (match.isEmpty()) {
          response = unrouted(method, path);
        } else {
          Principal principal = authenticate(exchange.getRequestHeaders());
          tenant = principal.tenant().value();
          Streaming stream = streams.get(route);
          if (stream != null) {
            exchange.getRequestBody().close();
            status = 200;
            stream.serve(exchange, principal);
            return;
          }
          response = serve(exchange, match.get(), principal);
        }
      } catch (RuntimeException | Error e) {
        response = Problems.of(e);
      }
      status = response.status();
      write(exchange, response);
    } finally {
      scope.close();
      telemetry.end(span, method, route, tenant, status, start);
    }
  }

  private Response unrouted(String method, String path) {
    Set<String> allowed = new TreeSet<>(router.allowed(path));
    if (!allowed.isEmpty() || open.containsKey(path)) {
      if (open.containsKey(path)) {
        allowed.add("GET");
      }
      return Problems.of(405, "method_not_allowed", "Method not allowed", method + " is not allowed on " + path)
          .with("Allow", String.join(", ", allowed));
    }
    return Problems.of(404, "not_found", "Not found", "no route for " + path);
  }

  private Principal authenticate(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, "a bearer token is required");
    }
    return verifier.verify(authorization);
  }

  private Response serve(HttpExchange exchange, Router.Match match, Principal principal) throws IOException {
    byte[] body = body(exchange);
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    Request request = new Request(principal, match.route().template(), match.params(), query(query), body);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (key == null || !exchange.getRequestMethod().equals("POST")) {
      return call(match, request);
    }
    return idempotency.run(principal, key, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        query, body, () -> call(match, request));
  }

  private static Response call(Router.Match match, Request request) {
    try {
      return match.route().handler().handle(request);
    } catch (RuntimeException e) {
      return Problems.of(e);
    }
  }

  private byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        throw new io.convener.api.InvalidInputException(null, 0,
            "the request body is larger than " + maxBodyBytes + " bytes; send it in parts");
      }
      return bytes;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }

  static void write(HttpExchange exchange, Response response) throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", response.contentType());
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    response.headers().forEach(h::set);
    byte[] body = response.body();
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
