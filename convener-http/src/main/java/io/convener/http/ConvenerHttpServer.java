package io.convener.http;

import static java.util.Objects.requireNonNull;

import io.convener.api.Convener;
import io.convener.api.auth.TokenVerifier;
import io.convener.api.replay.KeepPolicy;
import io.opentelemetry.api.OpenTelemetry;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP API of a running {@link Convener} on an embedded Jetty 12 ({@code convener serve}): the
 * {@link ConvenerServlet} at the root, HTTPS with a configured keystore:
 *
 * <pre>{@code
 * try (ConvenerHttpServer server = ConvenerHttpServer.builder(convener, verifier)
 *     .bind("0.0.0.0", 8443)
 *     .tls(Path.of("server.p12"), password)
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Plain HTTP is served only on a loopback address (behind a TLS-terminating proxy on the same
 * host), unless {@link Builder#allowPlainHttp()} says otherwise; {@link Builder#start()} refuses
 * anything else. Needs {@code org.eclipse.jetty:jetty-server} and {@code
 * org.eclipse.jetty.ee10:jetty-ee10-servlet} on the class path (optional dependencies of this
 * module: a host that mounts {@link ConvenerServlet} itself does without). Thread-safe; closing it
 * stops the server but not the Convener.
 */
public final class ConvenerHttpServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final ConvenerServlet servlet;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final String scheme;

  private ConvenerHttpServer(Server server, ServerConnector connector, ConvenerServlet servlet, String scheme) {
    this.server = server;
    this.connector = connector;
    this.servlet = servlet;
    this.scheme = scheme;
  }

  /** A builder for a server over this Convener that checks tokens with this verifier. */
  public static Builder builder(Convener convener, TokenVerifier verifier) {
    return new Builder(convener, verifier);
  }

  /** The port the server listens on (the chosen one when bound to port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URI, such as {@code https://127.0.0.1:8443}. */
  public URI uri() {
    String host = connector.getHost();
    try {
      host = InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      // keep the name as given
    }
    return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /** Every route as {@code METHOD template}. */
  public List<String> routes() {
    return servlet.routes();
  }

  /** How many event streams are open now. */
  public int openStreams() {
    return servlet.openStreams();
  }

  /** Stops taking requests, ends the open streams, lets running requests finish for up to a second, and stops. Idempotent. */
  @Override
  public void close() {
    if (open.getAndSet(false)) {
      servlet.notReady();
      servlet.destroy();
      // A caller stopping on an interrupt (convener serve) still gets a full stop, then its flag back.
      boolean interrupted = Thread.interrupted();
      try {
        server.stop();
      } catch (java.util.concurrent.TimeoutException e) {
        // requests still running after the stop timeout were cut off; the server is stopped
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the HTTP server: " + e.getMessage(), e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Builds and starts a server. Not thread-safe. */
  public static final class Builder {
    private final ConvenerServlet.Builder servlet;
    private String host = "127.0.0.1";
    private int port = 8080;
    private @Nullable Path keystore;
    private char @Nullable [] password;
    private boolean allowPlainHttp;
    private int threads = 200;

    private Builder(Convener convener, TokenVerifier verifier) {
      this.servlet = new ConvenerServlet.Builder(convener, verifier);
    }

    /** Where to listen (default {@code 127.0.0.1:8080}); port 0 picks a free port. */
    public Builder bind(String host, int port) {
      this.host = requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves HTTPS with the key and certificate in this PKCS#12 keystore. */
    public Builder tls(Path keystore, char[] password) {
      this.keystore = requireNonNull(keystore, "keystore");
      this.password = requireNonNull(password, "password").clone();
      return this;
    }

    /**
     * Allows plain HTTP on an address that is not loopback: only for a TLS-terminating proxy on a
     * private network that the operator vouches for.
     */
    public Builder allowPlainHttp() {
      this.allowPlainHttp = true;
      return this;
    }

    /** Where spans and metrics go (default: no-op); an SDK instance from the host. */
    public Builder openTelemetry(OpenTelemetry otel) {
      servlet.openTelemetry(otel);
      return this;
    }

    /** See {@link ConvenerServlet.Builder#idempotency(KeepPolicy)}. */
    public Builder idempotency(KeepPolicy policy) {
      servlet.idempotency(policy);
      return this;
    }

    /** How many tenants get their own label in metrics (default 100; the rest are {@code _other}). */
    public Builder maxTenantsInMetrics(int max) {
      servlet.maxTenantsInMetrics(max);
      return this;
    }

    /**
     * Jetty's largest worker pool (default 200). Requests in progress hold a worker; open event
     * streams and connections waiting for a request do not.
     */
    public Builder threads(int threads) {
      if (threads < 8) {
        throw new IllegalArgumentException("threads must be >= 8, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** How often an idle event stream gets a comment line, so that proxies keep it open (default 15 s). */
    public Builder heartbeat(Duration every) {
      servlet.heartbeat(every);
      return this;
    }

    /** Body, stream, header and timeout limits (default {@link HttpLimits#defaults()}). */
    public Builder limits(HttpLimits limits) {
      servlet.limits(limits);
      return this;
    }

    /**
     * See {@link ConvenerServlet.Builder#corsOrigin(String)}. Such an origin may also embed the widget
     * page at {@code /ui/} in a frame and hand it a token with {@code postMessage}.
     */
    public Builder corsOrigin(String origin) {
      servlet.corsOrigin(origin);
      return this;
    }

    /** See {@link ConvenerServlet.Builder#streamTicketSecret(byte[])}. */
    public Builder streamTicketSecret(byte[] secret) {
      servlet.streamTicketSecret(secret);
      return this;
    }

    /** See {@link ConvenerServlet.Builder#streamTicketTtl(Duration)}. */
    public Builder streamTicketTtl(Duration ttl) {
      servlet.streamTicketTtl(ttl);
      return this;
    }

    /** See {@link ConvenerServlet.Builder#clock(Clock)}. */
    public Builder clock(Clock clock) {
      servlet.clock(clock);
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IllegalStateException when plain HTTP is asked for on an address that is not
     *     loopback without {@link #allowPlainHttp()}
     * @throws UncheckedIOException when the address cannot be bound or the keystore read
     */
    public ConvenerHttpServer start() {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("cannot resolve host '" + host + "'");
      }
      boolean tls = keystore != null;
      if (!tls && !allowPlainHttp && !address.getAddress().isLoopbackAddress()) {
        throw new IllegalStateException("refusing to serve plain HTTP on " + host + ":" + port
            + ", which is not a loopback address: configure a keystore for HTTPS, bind to 127.0.0.1 behind a"
            + " TLS-terminating proxy, or allow plain HTTP explicitly");
      }
      if (tls && !Files.isReadable(requireNonNull(keystore))) {
        throw new UncheckedIOException("cannot read the keystore " + keystore,
            new java.io.FileNotFoundException(String.valueOf(keystore)));
      }
      ConvenerServlet api = servlet.build();
      EmbeddedJetty jetty = EmbeddedJetty.assemble(api, servlet.limits(), threads, address,
          tls ? new EmbeddedJetty.Tls(requireNonNull(keystore), requireNonNull(password)) : null, servlet.corsOrigins());
      Server server = jetty.server();
      ServerConnector connector = jetty.connector();
      try {
        server.start();
      } catch (Exception e) {
        stopQuietly(server);
        if (e instanceof java.io.IOException io) {
          throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), io);
        }
        throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
      }
      return new ConvenerHttpServer(server, connector, api, tls ? "https" : "http");
    }

    private static void stopQuietly(Server server) {
      try {
        server.stop();
      } catch (Exception e) {
        // the start failure is what the caller needs to see
      }
    }
  }
}
