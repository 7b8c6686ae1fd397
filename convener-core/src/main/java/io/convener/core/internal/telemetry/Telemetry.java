package io.convener.core.internal.telemetry;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import io.convener.api.TenantId;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The services' spans and metrics, through the OpenTelemetry API only: whatever {@link
 * OpenTelemetry} the host binds (the global one unless it binds another; a no-op when it has none).
 * One span per gate call named after its activity, with the activity, the outcome and a capped
 * tenant label; child spans for the stages below it; counters of calls by activity and outcome,
 * of ingested rows and of scheduled runs. Cardinality is bounded: activities and job names are
 * fixed sets, tenants pass through {@link TenantLabels}. Thread-safe.
 */
public final class Telemetry {
  /** The instrumentation scope of every span and metric. */
  public static final String SCOPE = "io.convener.core";
  /** The call's activity, such as {@code pulse.report}. */
  public static final AttributeKey<String> ACTIVITY = AttributeKey.stringKey("convener.activity");
  /** How a call or run ended: {@code ok}, {@code denied}, {@code rate_limited} or {@code failed}. */
  public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("convener.outcome");
  /** The tenant, or {@value TenantLabels#OTHER} beyond the cap. */
  public static final AttributeKey<String> TENANT = AttributeKey.stringKey("convener.tenant");
  /** A scheduled job's name. */
  public static final AttributeKey<String> JOB = AttributeKey.stringKey("convener.job");

  /** Records nothing. */
  public static final Telemetry NOOP = new Telemetry(OpenTelemetry.noop());

  private final Tracer tracer;
  private final Meter meter;
  private final LongCounter calls;
  private final LongCounter ingested;
  private final LongCounter runs;
  private final TenantLabels tenants = new TenantLabels(TenantLabels.DEFAULT_CAP);
  private final CacheStats caches;

  /** Telemetry through this OpenTelemetry. */
  @Inject
  public Telemetry(OpenTelemetry otel) {
    requireNonNull(otel, "otel");
    this.tracer = otel.getTracer(SCOPE);
    this.meter = otel.getMeter(SCOPE);
    this.calls = meter.counterBuilder("convener.gate.calls").setUnit("{call}")
        .setDescription("Public service calls by activity and outcome (ok, denied, rate_limited, failed)").build();
    this.ingested = meter.counterBuilder("convener.ingest.rows").setUnit("{row}")
        .setDescription("Members and events ingested").build();
    this.runs = meter.counterBuilder("convener.scheduled.runs").setUnit("{run}")
        .setDescription("Scheduled runs this node made, by job and outcome").build();
    this.caches = new CacheStats(meter);
  }

  /**
   * Reports the hits and misses of a cache built with {@code recordStats()} under one of the names
   * of {@link CacheStats}.
   */
  public void cache(String name, Cache<?, ?> cache) {
    caches.register(name, cache);
  }

  /** The meter, for gauges registered by the services that own their figures. */
  public Meter meter() {
    return meter;
  }

  /** The capped label of a tenant. */
  public String tenantLabel(TenantId tenant) {
    return tenants.label(tenant);
  }

  /** Starts the span of a gate call, a child of the current span; the caller makes it current and ends it. */
  public Span startCall(String activity, TenantId tenant) {
    return tracer.spanBuilder(activity).setAttribute(ACTIVITY, activity)
        .setAttribute(TENANT, tenants.label(tenant)).startSpan();
  }

  /** Ends a gate call's span with its outcome and counts the call. */
  public void endCall(Span span, String activity, String outcome) {
    span.setAttribute(OUTCOME, outcome);
    if (!outcome.equals("ok")) {
      span.setStatus(StatusCode.ERROR, outcome);
    }
    span.end();
    calls.add(1, Attributes.of(ACTIVITY, activity, OUTCOME, outcome));
  }

  /** Starts the span of a scheduled run; the caller makes it current and ends it with {@link #endRun}. */
  public Span startRun(String job, TenantId tenant) {
    return tracer.spanBuilder("scheduled " + job).setAttribute(JOB, job).setAttribute(TENANT, tenants.label(tenant))
        .startSpan();
  }

  /** Ends a scheduled run's span and counts the run. */
  public void endRun(Span span, String job, boolean ok) {
    String outcome = ok ? "ok" : "failed";
    span.setAttribute(OUTCOME, outcome);
    if (!ok) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    runs.add(1, Attributes.of(JOB, job, OUTCOME, outcome));
  }

  /** Counts rows ingested into the tenant. */
  public void ingested(TenantId tenant, long rows) {
    ingested.add(rows, Attributes.of(TENANT, tenants.label(tenant)));
  }

  /**
   * Runs {@code work} in a child span of the current one, named {@code name} (a fixed string, such
   * as {@code champion.rank}); a failure marks the span and passes through.
   */
  public <T> T inSpan(String name, Supplier<T> work) {
    Span span = tracer.spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException | Error e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
