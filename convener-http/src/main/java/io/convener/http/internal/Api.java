package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpHandler;
import io.convener.api.Convener;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.auth.TokenVerifier;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Assembles version 1 of the API: its routes, the open routes (health, readiness, the OpenAPI
 * document) and the pipeline around them. The entry point of this package for {@code
 * io.convener.http}; not API.
 */
public final class Api {
  /** Where the OpenAPI document is served, as JSON. */
  public static final String OPENAPI_ROUTE = "/v1/openapi.json";
  /** Liveness: the process serves requests. */
  public static final String LIVE_ROUTE = "/health/live";
  /** Readiness: the server is started and not closing, and the store answers within two seconds. */
  public static final String READY_ROUTE = "/health/ready";

  /** How long readiness waits for the store ({@link Convener#isReady}). */
  static final Duration STORE_PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** Messages an event stream holds for a slow client before it ends the stream (the client resumes). */
  static final int STREAM_QUEUE = 10_000;

  private final Router router = new Router();
  private final Map<String, Dispatcher.Streaming> streams = new LinkedHashMap<>();
  private final Dispatcher dispatcher;

  /**
   * @param convener the running Convener to serve
   * @param verifier checks bearer tokens
   * @param otel where spans and metrics go
   * @param ready whether the server is ready for traffic
   * @param idempotency how long a response is kept for its {@code Idempotency-Key}
   * @param maxTenantsInMetrics how many tenants get their own metrics label
   * @param maxBodyBytes the largest accepted request body
   * @param heartbeat how often an idle event stream gets a comment line
   */
  public Api(Convener convener, TokenVerifier verifier, OpenTelemetry otel, BooleanSupplier ready,
      KeepPolicy idempotency, int maxTenantsInMetrics, long maxBodyBytes,
      Duration heartbeat) {
    new InsightRoutes(convener, Clock.systemUTC()).register(router);
    new ChampionRoutes(convener, Clock.systemUTC()).register(router);
    new TrustRoutes(convener).register(router);
    new ProvenanceRoutes(convener).register(router);
    new CheckpointFeedRoutes(convener).register(router);
    new NotificationRoutes(convener).register(router);
    new AdminRoutes(convener).register(router);
    streams.put(EventStream.ROUTE, new EventStream(convener.notifier(), heartbeat, STREAM_QUEUE));
    router.add("GET", EventStream.ROUTE, r -> {
      throw new IllegalStateException("the dispatcher serves " + EventStream.ROUTE + " as a stream");
    });
    Map<String, Supplier<Response>> open = new LinkedHashMap<>();
    byte[] openApi = Jsons.write(openApi());
    open.put(OPENAPI_ROUTE, () -> new Response(200, Response.JSON, Map.of(), openApi));
    open.put(LIVE_ROUTE, () -> Response.ok(Map.of("status", "up")));
    open.put(READY_ROUTE, () -> !ready.getAsBoolean()
        ? Response.json(503, Map.of("status", "not ready")).with("Retry-After", "1")
        : !convener.isReady(STORE_PROBE_TIMEOUT)
            ? Response.json(503, Map.of("status", "not ready", "reason", "the store does not answer"))
                .with("Retry-After", "5")
            : Response.ok(Map.of("status", "ready")));
    this.dispatcher = new Dispatcher(router, streams, open, verifier,
        new Idempotency(idempotency, convener.replays()), new Telemetry(otel, maxTenantsInMetrics), maxBodyBytes);
  }

  /** The handler that serves every path. */
  public HttpHandler handler() {
    return dispatcher;
  }

  /** Every route as {@code METHOD template}, for the OpenAPI drift test. */
  public List<String> routes() {
    List<String> all = new ArrayList<>();
    router.routes().forEach(r -> all.add(r.method() + " " + r.template()));
    all.add("GET " + OPENAPI_ROUTE);
    all.add("GET " + LIVE_ROUTE);
    all.add("GET " + READY_ROUTE);
    return all;
  }

  /** The OpenAPI document (docs/openapi.yaml, packaged beside this class). */
  public static JsonNode openApi() {
    try (InputStream in = Api.class.getResourceAsStream("/io/convener/http/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the convener-http jar");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read openapi.yaml", e);
    }
  }
}
