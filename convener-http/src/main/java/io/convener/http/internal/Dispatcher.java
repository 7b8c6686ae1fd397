package io.convener.http.internal;

import io.convener.api.AccessDeniedException;
import io.convener.api.AuthenticationException;
import io.convener.api.InvalidInputException;
import io.convener.api.auth.TokenVerifier;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Serves every request: CORS preflights, health and the OpenAPI document without a token;
 * everything else under {@code /v1/} only with a bearer token the {@link TokenVerifier} accepts
 * (or, for the notification and checkpoint streams, a stream ticket), the tenant taken from the
 * token. Then routing, the checks made before a body is read (the route's roles, the declared
 * length), idempotency for POST, the handler, problem details for any exception, one span and one
 * duration measurement per request. Thread-safe.
 */
final class Dispatcher {
  /** A body up to this size is read even from a caller the route's roles refuse, so that the gate logs the refusal. */
  static final long SMALL_BODY = 64 * 1024;

  private final Router router;
  private final EventStream stream;
  private final CheckpointStream checkpoints;
  private final StreamTickets tickets;
  private final Map<String, Supplier<Response>> open;
  private final TokenVerifier verifier;
  private final Idempotency idempotency;
  private final Telemetry telemetry;
  private final Cors cors;
  private final long maxBodyBytes;
  private final long maxStreamedBodyBytes;

  /**
   * @param open the GET routes served without a token (health, readiness, the OpenAPI document)
   * @param maxBodyBytes the largest body read whole
   * @param maxStreamedBodyBytes the largest body a route parses as it arrives (ingestion)
   */
  Dispatcher(Router router, EventStream stream, CheckpointStream checkpoints, StreamTickets tickets,
      Map<String, Supplier<Response>> open, TokenVerifier verifier, Idempotency idempotency, Telemetry telemetry,
      Cors cors, long maxBodyBytes, long maxStreamedBodyBytes) {
    this.router = router;
    this.stream = stream;
    this.checkpoints = checkpoints;
    this.tickets = tickets;
    this.open = Map.copyOf(open);
    this.verifier = verifier;
    this.idempotency = idempotency;
    this.telemetry = telemetry;
    this.cors = cors;
    this.maxBodyBytes = maxBodyBytes;
    this.maxStreamedBodyBytes = maxStreamedBodyBytes;
  }

  /** Serves one request; {@code path} is the part after where the host mounted the API. */
  void serve(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
    long start = System.nanoTime();
    String method = req.getMethod();
    String origin = req.getHeader("Origin");
    Optional<Router.Match> match = router.match(method, path);
    @Nullable Supplier<Response> openRoute = method.equals("GET") || method.equals("HEAD") ? open.get(path) : null;
    String route = openRoute != null ? path : match.map(m -> m.route().template()).orElse("unmatched");
    Span span = telemetry.start(method, route, req);
    @Nullable String tenant = null;
    int status = 500;
    Scope scope = span.makeCurrent();
    try {
      Response response;
      try {
        if (Cors.isPreflight(method, origin, req.getHeader("Access-Control-Request-Method"))) {
          response = cors.preflight(origin, req.getHeader("Access-Control-Request-Method"),
              req.getHeader("Access-Control-Request-Headers"), methods(path));
        } else if (openRoute != null) {
          response = openRoute.get();
        } else if (match.isEmpty()) {
          response = unrouted(method, path);
        } else {
          Caller caller = authenticate(req, route);
          tenant = caller.principal().tenant().value();
          if (route.equals(EventStream.ROUTE)) {
            stream.open(req, resp, caller, cors.headers(origin));
            status = 200;
            return;
          }
          if (route.equals(CheckpointStream.ROUTE)) {
            checkpoints.open(req, resp, caller, cors.headers(origin));
            status = 200;
            return;
          }
          response = route.equals(StreamTickets.ROUTE) ? tickets.mint(caller)
              : serve(req, path, match.get(), caller);
        }
      } catch (RuntimeException | Error e) {
        response = Problems.of(e);
      }
      status = response.status();
      write(req, resp, response, cors.headers(origin));
    } finally {
      scope.close();
      telemetry.end(span, method, route, tenant, status, start);
    }
  }

  private Set<String> methods(String path) {
    Set<String> allowed = new TreeSet<>(router.allowed(path));
    if (open.containsKey(path)) {
      allowed.add("GET");
    }
    return allowed;
  }

  private Response unrouted(String method, String path) {
    Set<String> allowed = methods(path);
    if (!allowed.isEmpty()) {
      return Problems.of(405, "method_not_allowed", "Method not allowed", method + " is not allowed on " + path)
          .with("Allow", String.join(", ", allowed));
    }
    return Problems.of(404, "not_found", "Not found", "no route for " + path);
  }

  private Caller authenticate(HttpServletRequest req, String route) {
    String authorization = req.getHeader("Authorization");
    boolean streamed = route.equals(EventStream.ROUTE) || route.equals(CheckpointStream.ROUTE);
    if (streamed && (authorization == null || authorization.isBlank())) {
      String ticket = query(req.getQueryString()).get("ticket");
      if (ticket != null) {
        return tickets.redeem(ticket);
      }
    }
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, "a bearer token is required");
    }
    return new Caller(verifier.verify(authorization), Caller.expiry(authorization));
  }

  private Response serve(HttpServletRequest req, String path, Router.Match match, Caller caller) {
    long declared = req.getContentLengthLong();
    boolean chunked = declared < 0 && req.getHeader("Transfer-Encoding") != null;
    if ((chunked || declared > SMALL_BODY) && !match.route().admits(caller.principal())) {
      throw new AccessDeniedException(match.route().method() + " " + match.route().template()
          + " needs one of the roles " + match.route().roles() + "; the body was not read");
    }
    if (declared > maxStreamedBodyBytes) {
      throw new UncheckedIOException(new Body.TooLarge(maxStreamedBodyBytes));
    }
    Body body = new Body(req::getInputStream, declared, maxBodyBytes, maxStreamedBodyBytes);
    String rawQuery = Optional.ofNullable(req.getQueryString()).orElse("");
    Request request = new Request(caller.principal(), match.route().template(), match.params(), query(rawQuery), body);
    String key = req.getHeader("Idempotency-Key");
    if (key == null || !req.getMethod().equals("POST")) {
      return call(match, request);
    }
    return idempotency.run(caller.principal(), key, req.getMethod(), path, rawQuery, request.body(),
        () -> call(match, request));
  }

  private static Response call(Router.Match match, Request request) {
    try {
      return match.route().handler().handle(request);
    } catch (RuntimeException e) {
      return Problems.of(e);
    }
  }

  /**
   * The query parameters (the first value of each), decoded as UTF-8.
   *
   * @throws InvalidInputException when a parameter is not valid percent-encoding
   */
  static Map<String, String> query(@Nullable String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String decode(String raw, String field) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "is not valid percent-encoding: '%' must be followed by two hex digits");
    }
  }

  static void write(HttpServletRequest req, HttpServletResponse resp, Response response, Map<String, String> extra)
      throws IOException {
    resp.setStatus(response.status());
    resp.setContentType(response.contentType());
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    extra.forEach(resp::setHeader);
    response.headers().forEach(resp::setHeader);
    byte[] body = response.body();
    resp.setContentLength(body.length);
    if (!req.getMethod().equals("HEAD") && body.length > 0) {
      try (OutputStream out = resp.getOutputStream()) {
        out.write(body);
      }
    }
  }
}
