package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.convener.api.Convener;
import io.convener.api.auth.TokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Assembles version 1 of the API: its routes, the open routes (health, readiness, the OpenAPI
 * document), the event stream and the pipeline around them, independent of the servlet container.
 * The entry point of this package for {@code io.convener.http}; not API. Thread-safe; {@link
 * #close()} ends the open streams and stops the stream scheduler.
 */
public final class Api implements AutoCloseable {
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
  private final ScheduledExecutorService scheduler;
  private final EventStream stream;
  private final CheckpointStream checkpoints;
  private final Dispatcher dispatcher;

  /**
   * @param convener the running Convener to serve
   * @param verifier checks bearer tokens
   * @param settings limits, CORS, tickets, telemetry
   * @param ready whether the server is ready for traffic
   */
  public Api(Convener convener, TokenVerifier verifier, ApiSettings settings, BooleanSupplier ready) {
    new InsightRoutes(convener, Clock.systemUTC()).register(router);
    new InnovationDetectionRoutes(convener, Clock.systemUTC()).register(router);
    new InnovationReplicationRoutes(convener, Clock.systemUTC()).register(router);
    new LearningPlanRoutes(convener, Clock.systemUTC()).register(router);
    new ChampionRoutes(convener, Clock.systemUTC()).register(router);
    new ViewRoutes(convener, Clock.systemUTC()).register(router);
    new TrustRoutes(convener).register(router);
    new FeedbackRoutes(convener).register(router);
    new ProvenanceRoutes(convener).register(router);
    new CheckpointFeedRoutes(convener).register(router);
    new CheckpointWebhookRoutes(convener).register(router);
    new NotificationRoutes(convener).register(router);
    new AdminRoutes(convener).register(router);
    router.add("GET", EventStream.ROUTE, r -> {
      throw new IllegalStateException("the dispatcher serves " + EventStream.ROUTE + " as a stream");
    });
    router.add("GET", CheckpointStream.ROUTE, r -> {
      throw new IllegalStateException("the dispatcher serves " + CheckpointStream.ROUTE + " as a stream");
    });
    router.add("POST", StreamTickets.ROUTE, r -> {
      throw new IllegalStateException("the dispatcher serves " + StreamTickets.ROUTE);
    });
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "convener-http-streams");
      t.setDaemon(true);
      return t;
    });
    StreamCounts counts = new StreamCounts(settings.limits().maxStreamsPerTenant(),
        settings.limits().maxStreamsPerSubject());
    this.stream = new EventStream(convener.notifier(), settings.heartbeat(), STREAM_QUEUE, counts, scheduler,
        settings.clock());
    this.checkpoints = new CheckpointStream(convener.provenance(), settings.heartbeat(), counts, scheduler,
        settings.clock());
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
    StreamTickets tickets = new StreamTickets(settings.ticketSecret(), settings.ticketTtl(), settings.clock(),
        convener.replays());
    this.dispatcher = new Dispatcher(router, stream, checkpoints, tickets, open, verifier,
        new Idempotency(settings.idempotency(), convener.replays()),
        new Telemetry(settings.otel(), settings.maxTenantsInMetrics()), new Cors(settings.corsOrigins()),
        settings.limits().maxBodyBytes(), settings.limits().maxStreamedBodyBytes());
  }

  /**
   * Serves one request.
   *
   * @param path the request's path below where the host mounted the API, such as {@code /v1/events}
   */
  public void serve(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
    dispatcher.serve(req, resp, path);
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

  /** How many event streams (notifications and checkpoints) are open. */
  public int openStreams() {
    return stream.openStreams() + checkpoints.openStreams();
  }

  /** Ends every open event stream and stops the stream scheduler. Idempotent. */
  @Override
  public void close() {
    stream.closeAll();
    checkpoints.closeAll();
    scheduler.shutdownNow();
  }

  /**
   * A problem+json body for an error the container answers itself (a malformed request, headers
   * too large, a timeout), with a fixed detail per status: nothing from the request or the server's
   * internals.
   */
  public static byte[] containerProblem(int status) {
    String[] p = switch (status) {
      case 400 -> new String[] {"bad_request", "Bad request", "the request is malformed"};
      case 404 -> new String[] {"not_found", "Not found", "no route for this path"};
      case 405 -> new String[] {"method_not_allowed", "Method not allowed", "this method is not allowed here"};
      case 408 -> new String[] {"request_timeout", "Request timeout", "the request was not sent in time"};
      case 411 -> new String[] {"length_required", "Length required", "the request needs a Content-Length"};
      case 413 -> new String[] {"body_too_large", "Payload too large", "the request body is too large"};
      case 414 -> new String[] {"uri_too_long", "URI too long", "the request URI is too long"};
      case 431 -> new String[] {"headers_too_large", "Request header fields too large",
          "the request line and headers are too large"};
      case 501 -> new String[] {"not_implemented", "Not implemented", "this request is not supported"};
      case 503 -> new String[] {"unavailable", "Service unavailable", "the server cannot serve the request now"};
      default -> status >= 400 && status < 500
          ? new String[] {"bad_request", "Bad request", "the request cannot be served"}
          : new String[] {"internal", "Internal error", "an unexpected error occurred"};
    };
    return Problems.of(status, p[0], p[1], p[2]).body();
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
