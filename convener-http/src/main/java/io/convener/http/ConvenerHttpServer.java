package io.convener.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.convener.api.Convener;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.auth.TokenVerifier;
import io.convener.http.internal.Api;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP API of a running {@link Convener}, on the JDK's built-in server ({@code
 * com.sun.net.httpserver}, HTTPS with a configured keystore):
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
 * anything else. Thread-safe; closing it stops the server but not the Convener.
 */
public final class ConvenerHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean ready;
  private final List<String> routes;
  private final String scheme;

  private ConvenerHttpServer(HttpServer server, ExecutorService executor, AtomicBoolean ready, List<String> routes,
      String scheme) {
    this.server = server;
    this.executor = executor;
    this.ready = ready;
    this.routes = routes;
    this.scheme = scheme;
  }

  /** A builder for a server over this Convener that checks tokens with this verifier. */
  public static Builder builder(Convener convener, TokenVerifier verifier) {
    return new Builder(convener, verifier);
  }

  /** The port the server listens on (the chosen one when bound to port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URI, such as {@code https://127.0.0.1:8443}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  /** Every route as {@code METHOD template}. */
  public List<String> routes() {
    return routes;
  }

  /** Stops taking requests, lets running ones finish for up to a second, and stops. Idempotent. */
  @Override
  public void close() {
    if (ready.getAndSet(false)) {
      server.stop(1);
      executor.shutdownNow();
    }
  }

  /** Builds and starts a server. Not thread-safe. */
  public static final class Builder {
    private final Convener convener;
    private final TokenVerifier verifier;
    private String host = "127.0.0.1";
    private int port = 8080;
    private @Nullable Path keystore;
    private char @Nullable [] password;
    private boolean allowPlainHttp;
    private OpenTelemetry otel = OpenTelemetry.noop();
    private KeepPolicy idempotency = KeepPolicy.defaults();
    private int maxTenantsInMetrics = 100;
    private long maxBodyBytes = 256L << 20;
    private int threads = 64;
    private Duration heartbeat = Duration.ofSeconds(15);

    private Builder(Convener convener, TokenVerifier verifier) {
      this.convener = requireNonNull(convener, "convener");
      this.verifier = requireNonNull(verifier, "verifier");
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
      this.otel = requireNonNull(otel, "otel");
      return this;
    }

    /**
     * How long a response is kept in the store for its {@code Idempotency-Key}, and after how long a
     * request still running under a key (its node died) is taken over (default {@link
     * KeepPolicy#defaults()}: 24 h and 5 min).
     */
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

    /** Worker threads (default 64); each open event stream holds one. */
    public Builder threads(int threads) {
      if (threads < 2) {
        throw new IllegalArgumentException("threads must be >= 2, got " + threads);
      }
      this.threads = threads;
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
      if (!tls && !allowPlainHttp && !isLoopback(address.getAddress())) {
        throw new IllegalStateException("refusing to serve plain HTTP on " + host + ":" + port
            + ", which is not a loopback address: configure a keystore for HTTPS, bind to 127.0.0.1 behind a"
            + " TLS-terminating proxy, or allow plain HTTP explicitly");
      }
      AtomicBoolean ready = new AtomicBoolean(false);
      Api api = new Api(convener, verifier, otel, ready::get, idempotency,
          maxTenantsInMetrics, maxBodyBytes, heartbeat);
      HttpServer server;
      try {
        if (tls) {
          HttpsServer https = HttpsServer.create(address, 0);
          https.setHttpsConfigurator(new HttpsConfigurator(sslContext(requireNonNull(keystore), password)));
          server = https;
        } else {
          server = HttpServer.create(address, 0);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
      AtomicInteger n = new AtomicInteger();
      ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "convener-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      server.setExecutor(executor);
      server.createContext("/", api.handler());
      server.start();
      ready.set(true);
      return new ConvenerHttpServer(server, executor, ready, List.copyOf(api.routes()), tls ? "https" : "http");
    }

    private static boolean isLoopback(InetAddress a) {
      return a.isLoopbackAddress();
    }

    private static SSLContext sslContext(Path keystore, char @Nullable [] password) {
      try (InputStream in = Files.newInputStream(keystore)) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, password);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the keystore: " + e.getMessage(), e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot use the keystore: " + e.getMessage(), e);
      }
    }
  }
}
