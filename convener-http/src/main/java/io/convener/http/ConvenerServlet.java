package io.convener.http;

import static java.util.Objects.requireNonNull;

import io.convener.api.Convener;
import io.convener.api.auth.TokenVerifier;
import io.convener.api.replay.KeepPolicy;
import io.convener.http.internal.Api;
import io.convener.http.internal.ApiSettings;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole {@code /v1} API of a running {@link Convener} as one Jakarta Servlet 6 servlet, for a
 * host to mount in its own container (Jetty, Tomcat, Undertow; Spring Boot, Quarkus) at a path of
 * its choosing; {@link ConvenerHttpServer} mounts the same servlet on an embedded Jetty.
 *
 * <pre>{@code
 * ConvenerServlet servlet = ConvenerServlet.builder(convener, verifier)
 *     .corsOrigin("https://intranet.example.com")
 *     .streamTicketSecret(secretSharedByEveryNode)
 *     .build();
 * ServletRegistration.Dynamic api = servletContext.addServlet("convener", servlet);
 * api.addMapping("/api/*");            // the API answers at /api/v1/..., /api/health/live
 * api.setAsyncSupported(true);         // event streams hold no thread
 * }</pre>
 *
 * <p>Mount it with async support: event streams use the servlet's async, non-blocking output. The
 * path the API sees is the request's path info (a mapping such as {@code /api/*}), or its servlet
 * path when mapped as the default servlet. The container brings {@code jakarta.servlet-api} 6; this
 * class needs no Jetty. It is ready ({@code /health/ready}) between {@link #init()} and {@link
 * #destroy()}; {@link #destroy()} ends the open streams. Thread-safe.
 */
public final class ConvenerServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Api api;
  private final transient AtomicBoolean ready;

  private ConvenerServlet(Api api, AtomicBoolean ready) {
    this.api = api;
    this.ready = ready;
  }

  /** A builder for a servlet over this Convener that checks tokens with this verifier. */
  public static Builder builder(Convener convener, TokenVerifier verifier) {
    return new Builder(convener, verifier);
  }

  @Override
  public void init() {
    ready.set(true);
  }

  /** Ends the open event streams and takes the servlet out of service; idempotent. */
  @Override
  public void destroy() {
    ready.set(false);
    api.close();
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String info = req.getPathInfo();
    api.serve(req, resp, info != null ? info : req.getServletPath());
  }

  /** Every route as {@code METHOD template}. */
  public List<String> routes() {
    return List.copyOf(api.routes());
  }

  /** How many event streams are open now. */
  public int openStreams() {
    return api.openStreams();
  }

  /** Answers readiness probes with 503 from now on (the host is shutting down). */
  void notReady() {
    ready.set(false);
  }

  /** Builds a {@link ConvenerServlet}. Not thread-safe. */
  public static final class Builder {
    private final Convener convener;
    private final TokenVerifier verifier;
    private OpenTelemetry otel = OpenTelemetry.noop();
    private KeepPolicy idempotency = KeepPolicy.defaults();
    private int maxTenantsInMetrics = 100;
    private HttpLimits limits = HttpLimits.defaults();
    private Duration heartbeat = Duration.ofSeconds(15);
    private final Set<String> corsOrigins = new LinkedHashSet<>();
    private byte[] ticketSecret;
    private Duration ticketTtl = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();

    Builder(Convener convener, TokenVerifier verifier) {
      this.convener = requireNonNull(convener, "convener");
      this.verifier = requireNonNull(verifier, "verifier");
      this.ticketSecret = new byte[32];
      new SecureRandom().nextBytes(ticketSecret);
    }

    /** Where spans and metrics go (default: no-op); an SDK instance from the host. */
    public Builder openTelemetry(OpenTelemetry otel) {
      this.otel = requireNonNull(otel, "otel");
      return this;
    }

    /** How long a response is kept for its {@code Idempotency-Key} (default {@link KeepPolicy#defaults()}). */
    public Builder idempotency(KeepPolicy policy) {
      this.idempotency = requireNonNull(policy, "policy");
      return this;
    }

    /** How many tenants get their own label in metrics (default 100; the rest are {@code _other}). */
    public Builder maxTenantsInMetrics(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxTenantsInMetrics must be >= 0, got " + max);
      }
      this.maxTenantsInMetrics = max;
      return this;
    }

    /** Body and stream limits (default {@link HttpLimits#defaults()}). */
    public Builder limits(HttpLimits limits) {
      this.limits = requireNonNull(limits, "limits");
      return this;
    }

    /** How often an idle event stream gets a comment line, so that proxies keep it open (default 15 s). */
    public Builder heartbeat(Duration every) {
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("heartbeat must be positive, got " + every);
      }
      this.heartbeat = every;
      return this;
    }

    /**
     * Allows cross-origin calls from this origin, such as {@code https://intranet.example.com}
     * (scheme, host and port only). None is allowed by default. Call once per origin.
     *
     * @throws IllegalArgumentException when it is not an http(s) origin
     */
    public Builder corsOrigin(String origin) {
      requireNonNull(origin, "origin");
      URI uri;
      try {
        uri = URI.create(origin);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not an origin: '" + origin + "'", e);
      }
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web || uri.getHost() == null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("not an origin (scheme://host[:port], no path): '" + origin + "'");
      }
      corsOrigins.add(origin);
      return this;
    }

    /**
     * The key stream tickets are signed with, at least 32 bytes. Every node behind one load
     * balancer needs the same key, so that a ticket one node gave works on any other. Default: a
     * random key of this process, enough for one node.
     */
    public Builder streamTicketSecret(byte[] secret) {
      if (requireNonNull(secret, "secret").length < 32) {
        throw new IllegalArgumentException("the stream ticket secret must have at least 32 bytes");
      }
      this.ticketSecret = secret.clone();
      return this;
    }

    /** How long a stream ticket is valid (default 60 s; at most 10 min). */
    public Builder streamTicketTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("streamTicketTtl must be in (0, 10 min], got " + ttl);
      }
      this.ticketTtl = ttl;
      return this;
    }

    /** The clock of stream tickets and of token expiry on streams (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The servlet, not yet initialised by a container. */
    public ConvenerServlet build() {
      AtomicBoolean ready = new AtomicBoolean(false);
      ApiSettings settings = new ApiSettings(otel, idempotency, maxTenantsInMetrics, limits, heartbeat, corsOrigins,
          ticketSecret, ticketTtl, clock);
      return new ConvenerServlet(new Api(convener, verifier, settings, ready::get), ready);
    }

    HttpLimits limits() {
      return limits;
    }

    /** The allowed CORS origins, which are also the hosts that may embed the widget page. */
    Set<String> corsOrigins() {
      return new LinkedHashSet<>(corsOrigins);
    }
  }
}
