package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import io.convener.api.replay.KeepPolicy;
import io.convener.http.HttpLimits;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What {@link Api} is built with; the public builders ({@code ConvenerServlet.Builder},
 * {@code ConvenerHttpServer.Builder}) validate each value and fill this in.
 *
 * @param otel where spans and metrics go
 * @param idempotency how long a response is kept for its {@code Idempotency-Key}
 * @param maxTenantsInMetrics how many tenants get their own metrics label
 * @param limits body and stream limits
 * @param heartbeat how often an idle event stream gets a comment line
 * @param corsOrigins the origins allowed to call cross-origin
 * @param ticketSecret the HMAC key of stream tickets (the same on every node)
 * @param ticketTtl how long a stream ticket is valid
 * @param clock the time of tickets and token expiry
 */
public record ApiSettings(OpenTelemetry otel, KeepPolicy idempotency, int maxTenantsInMetrics, HttpLimits limits,
    Duration heartbeat, Set<String> corsOrigins, byte[] ticketSecret, Duration ticketTtl, Clock clock) {
  /** Checks for nulls and copies. */
  public ApiSettings {
    requireNonNull(otel, "otel");
    requireNonNull(idempotency, "idempotency");
    requireNonNull(limits, "limits");
    requireNonNull(heartbeat, "heartbeat");
    corsOrigins = Set.copyOf(corsOrigins);
    ticketSecret = ticketSecret.clone();
    requireNonNull(ticketTtl, "ticketTtl");
    requireNonNull(clock, "clock");
  }
}
