package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.auth.TokenVerifier;
import io.convener.http.auth.JwksSource;
import io.convener.http.auth.TokenVerifierSettings;
import io.convener.http.auth.TokenVerifiers;
import io.convener.http.ConvenerHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener serve}: the HTTP API ({@code /v1}, see docs/http.md) over the store of {@code
 * --db}, until the process is stopped. Tokens are checked against an issuer's JWKS ({@code
 * --jwks-url}) or, for development, an HS256 secret read from an environment variable; secrets and
 * keystore passwords are never taken on the command line.
 */
@Command(
    name = "serve",
    description = {
      "Serve the HTTP API (/v1) until stopped. HTTPS with --keystore; plain HTTP only on loopback",
      "(behind a TLS-terminating proxy) unless --allow-plain-http. Every request needs a bearer JWT."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Mixin QuotaOptions quotas = new QuotaOptions();

  @Option(names = "--bind", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE})")
  String bind = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port = 8080;

  @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS#12 keystore with the server key and certificate: serve HTTPS")
  @Nullable Path keystore;

  @Option(names = "--keystore-password-env", paramLabel = "VAR", description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE})")
  String keystorePasswordEnv = "CONVENER_KEYSTORE_PASSWORD";

  @Option(names = "--allow-plain-http", description = "Allow plain HTTP on an address that is not loopback (a TLS proxy on a private network)")
  boolean allowPlainHttp;

  @Option(names = "--issuer", required = true, paramLabel = "URL", description = "The only accepted token issuer (iss)")
  String issuer = "";

  @Option(names = "--audience", paramLabel = "AUD", description = "The audience tokens must name (default: ${DEFAULT-VALUE})")
  String audience = "convener";

  @Option(names = "--jwks-url", paramLabel = "URL", description = "Where the issuer's public keys (JWKS) are")
  @Nullable URI jwksUrl;

  @Option(names = "--hmac-secret-env", paramLabel = "VAR", description = "Environment variable holding an HS256 secret (kid 'default'), for development")
  @Nullable String hmacSecretEnv;

  @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow cross-origin calls from this origin, such as https://intranet.example.com (repeatable; none by default)")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--stream-ticket-secret-env", paramLabel = "VAR", description = "Environment variable holding the key (32+ bytes) that signs stream tickets; the same on every node (default: a random key, one node only)")
  @Nullable String ticketSecretEnv;

  @Option(names = "--backup-dir", paramLabel = "DIR", description = "Back every tenant up into DIR/TENANT/ on a schedule (with --backup-every)")
  @Nullable Path backupDir;

  @Option(names = "--backup-every", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How often each tenant is backed up, such as 10s, 15m or 1h; one node per run when several share the store")
  @Nullable Duration backupEvery;

  @Option(names = "--backup-keep", paramLabel = "N", description = "Backups kept per tenant, the newest (default: ${DEFAULT-VALUE})")
  int backupKeep = 24;

  @Option(names = "--otlp-endpoint", paramLabel = "URL", description = "Export traces and metrics over OTLP/HTTP to this collector, such as http://127.0.0.1:4318")
  @Nullable URI otlpEndpoint;

  @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve metrics in Prometheus text at http://127.0.0.1:PORT/metrics")
  @Nullable Integer metricsPort;

  @Override
  public Integer call() throws InterruptedException {
    TokenVerifier verifier = verifier();
    ServeSchedule schedule = ServeSchedule.of(backupDir, backupEvery, backupKeep, spec);
    if (metricsPort != null && (metricsPort < 1 || metricsPort > 65535)) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--metrics-port': " + metricsPort
          + " is not a port (1 to 65535)");
    }
    try (ServeTelemetry telemetry = ServeTelemetry.create(otlpEndpoint, metricsPort, Duration.ofSeconds(10));
        Convener convener = Stores.open(root.options, spec, quotas.settings(spec),
            schedule.modules(telemetry.module()))) {
      ConvenerHttpServer.Builder builder = ConvenerHttpServer.builder(convener, verifier).bind(bind, port)
          .openTelemetry(telemetry.api());
      if (keystore != null) {
        builder.tls(keystore, env(keystorePasswordEnv, "--keystore-password-env").toCharArray());
      }
      if (allowPlainHttp) {
        builder.allowPlainHttp();
      }
      http(builder);
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook = new Thread(stopped::countDown, "convener-serve-stop");
      try (ConvenerHttpServer server = builder.start()) {
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println("convener: serving " + server.uri() + "/v1/ (openapi: " + server.uri()
            + "/v1/openapi.json)");
        spec.commandLine().getOut().flush();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } finally {
        removeHook(hook);
      }
    }
    return ConvenerCommand.OK;
  }

  /** The HTTP options of issue 15: CORS origins and the stream ticket key. */
  private void http(ConvenerHttpServer.Builder builder) {
    for (String origin : corsOrigins) {
      try {
        builder.corsOrigin(origin);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "Invalid value for --cors-origin: " + e.getMessage());
      }
    }
    try {
      if (ticketSecretEnv != null) {
        builder.streamTicketSecret(env(ticketSecretEnv, "--stream-ticket-secret-env").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for --stream-ticket-secret-env: " + e.getMessage());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already, or never added
    }
  }

  private TokenVerifier verifier() {
    if (jwksUrl == null && hmacSecretEnv == null) {
      throw new ParameterException(spec.commandLine(), "give --jwks-url, or --hmac-secret-env for development");
    }
    TokenVerifierSettings.Builder settings = TokenVerifierSettings.builder().issuer(issuer).audience(audience);
    if (jwksUrl != null) {
      settings.jwks(JwksSource.http(jwksUrl, Duration.ofSeconds(5)));
    }
    if (hmacSecretEnv != null) {
      settings.hmacSecret("default", env(hmacSecretEnv, "--hmac-secret-env").getBytes(StandardCharsets.UTF_8));
    }
    try {
      return TokenVerifiers.create(settings.build());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid token settings: " + e.getMessage());
    }
  }

  private String env(String name, String option) {
    String value = root.options.env.apply(name);
    if (value == null || value.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "environment variable " + name + " (" + option + ") is not set");
    }
    return value;
  }
}
