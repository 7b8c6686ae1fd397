package io.convener.http.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * Tracing and metrics through the OpenTelemetry API only; the host brings the SDK (or none, and
 * every call is a no-op). One server span per request, named by method and route template, with the
 * caller's W3C trace context as parent; one histogram {@code http.server.request.duration} (seconds)
 * with the route template, method, status and tenant as attributes. Cardinality is bounded: routes
 * are templates, never raw paths, and tenants pass through {@link TenantCap}.
 */
final class Telemetry {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("convener.tenant");

  private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpServletRequest carrier) {
      return Collections.list(carrier.getHeaderNames());
    }

    @Override
    public @Nullable String get(@Nullable HttpServletRequest carrier, String key) {
      return carrier == null ? null : carrier.getHeader(key);
    }
  };

  private final OpenTelemetry otel;
  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final TenantCap tenants;

  Telemetry(OpenTelemetry otel, int maxTenants) {
    this.otel = otel;
    this.tracer = otel.getTracer("io.convener.http");
    this.duration = otel.getMeter("io.convener.http")
        .histogramBuilder("http.server.request.duration")
        .setUnit("s")
        .setDescription("Duration of HTTP requests by route template, method, status and tenant")
        .build();
    this.tenants = new TenantCap(maxTenants);
  }

  /** Starts the server span of a request, with the caller's trace context as parent. */
  Span start(String method, String route, HttpServletRequest headers) {
    Context parent = otel.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
    return tracer.spanBuilder(method + " " + route)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute(METHOD, method)
        .setAttribute(ROUTE, route)
        .startSpan();
  }

  /** Ends the span and records the request's duration. */
  void end(Span span, String method, String route, @Nullable String tenant, int status, long startNanos) {
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    duration.record((System.nanoTime() - startNanos) / 1e9, Attributes.of(
        METHOD, method, ROUTE, route, STATUS, (long) status, TENANT, tenants.label(tenant)));
  }
}
