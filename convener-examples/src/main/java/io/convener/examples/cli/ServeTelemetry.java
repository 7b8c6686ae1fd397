package io.convener.examples.cli;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry SDK of {@code convener serve}, the one place it lives: traces and metrics over
 * OTLP/HTTP to {@code --otlp-endpoint} ({@code /v1/traces}, {@code /v1/metrics}), and metrics in
 * Prometheus text at {@code /metrics} on loopback port {@code --metrics-port}. The libraries see only
 * the {@link OpenTelemetry} API, bound by {@link #module()}. Closing flushes what is pending.
 */
final class ServeTelemetry implements AutoCloseable {
  /** The service name on every span and metric. */
  static final String SERVICE = "convener";

  private final @Nullable OpenTelemetrySdk sdk;

  private ServeTelemetry(@Nullable OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /**
   * The SDK for the options given; without either, no SDK and a no-op API.
   *
   * @param otlp the collector's base URL, such as {@code http://127.0.0.1:4318}
   * @param metricsPort the loopback port of {@code /metrics}
   * @param interval how often metrics are pushed over OTLP
   */
  static ServeTelemetry create(@Nullable URI otlp, @Nullable Integer metricsPort, Duration interval) {
    if (otlp == null && metricsPort == null) {
      return new ServeTelemetry(null);
    }
    Resource resource = Resource.getDefault()
        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)));
    SdkTracerProviderBuilder traces = SdkTracerProvider.builder().setResource(resource);
    SdkMeterProviderBuilder metrics = SdkMeterProvider.builder().setResource(resource);
    if (otlp != null) {
      String base = otlp.toString().replaceAll("/+$", "");
      traces.addSpanProcessor(BatchSpanProcessor.builder(
          OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build()).build());
      metrics.registerMetricReader(PeriodicMetricReader.builder(
          OtlpHttpMetricExporter.builder().setEndpoint(base + "/v1/metrics").build()).setInterval(interval).build());
    }
    if (metricsPort != null) {
      metrics.registerMetricReader(PrometheusHttpServer.builder().setHost("127.0.0.1").setPort(metricsPort).build());
    }
    return new ServeTelemetry(OpenTelemetrySdk.builder().setTracerProvider(traces.build())
        .setMeterProvider(metrics.build()).build());
  }

  /** The API the libraries use. */
  OpenTelemetry api() {
    return sdk == null ? OpenTelemetry.noop() : sdk;
  }

  /** Binds {@link #api()} as the Convener's OpenTelemetry. */
  Module module() {
    OpenTelemetry api = api();
    return binder -> OptionalBinder.newOptionalBinder(binder, OpenTelemetry.class).setBinding().toInstance(api);
  }

  /** Exports what is pending, then stops the exporters and the {@code /metrics} server. */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
      sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
      sdk.shutdown().join(10, TimeUnit.SECONDS);
    }
  }
}
