package io.convener.core.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spans and metrics of an ingest and a champions call, recorded by an in-memory SDK the host binds:
 * one span per gate call with activity, outcome and tenant, storage and graph-stage spans beneath
 * it, and the counters of calls (denials too) and of ingested rows.
 */
class GateTelemetryTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant AS_OF = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void anIngestAndAChampionsCallAreSpansWithStorageAndGraphStagesBeneathAndAreCounted() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    OpenTelemetry otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build();
    Collection<MetricData> collected;
    try (Convener convener = Conveners.builder().database("jdbc:h2:mem:otel-" + UUID.randomUUID()).inMemoryKeys()
        .module(b -> OptionalBinder.newOptionalBinder(b, OpenTelemetry.class).setBinding().toInstance(otel))
        .build()) {
      List<Member> members = new ArrayList<>();
      for (String id : List.of("a", "b", "c")) {
        members.add(Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build());
      }
      List<Event> events = new ArrayList<>();
      String[][] replies = {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}};
      for (int i = 0; i < replies.length; i++) {
        events.add(Event.builder(EventId.of("e" + i), AS_OF.minus(Duration.ofDays(3 + i)), EventKind.REPLY,
            MemberId.of(replies[i][0])).targets(List.of(MemberId.of(replies[i][1]))).build());
      }
      convener.ingest().submit(ADMIN, members, events);
      members.forEach(m -> convener.consent().grant(ADMIN, m.id(), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
      convener.champions().rank(ADMIN, ChampionQuery.builder().asOf(AS_OF).build());
      assertThatThrownBy(() -> convener.champions().rank(Principal.of(ACME, "m", Role.MEMBER),
          ChampionQuery.builder().asOf(AS_OF).build())).isInstanceOf(AccessDeniedException.class);
      collected = metrics.collectAllMetrics();
    }

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData ingest = call(finished, "ingest");
    assertThat(ingest.getAttributes().get(Telemetry.OUTCOME)).isEqualTo("ok");
    assertThat(ingest.getAttributes().get(Telemetry.TENANT)).isEqualTo("acme");
    assertThat(childrenOf(finished, ingest)).anySatisfy(s -> assertThat(s.getName()).startsWith("storage "));
    List<SpanData> ranks = finished.stream().filter(s -> s.getName().equals("champion.rank")).toList();
    assertThat(ranks).extracting(s -> s.getAttributes().get(Telemetry.OUTCOME)).containsExactly("ok", "denied");
    assertThat(childrenOf(finished, ranks.get(0))).extracting(SpanData::getName)
        .contains("champion.snapshot", "champion.graph", "champion.structure", "champion.signals");

    Map<String, Long> calls = points(collected, "convener.gate.calls").stream().collect(Collectors.toMap(
        p -> p.getAttributes().get(Telemetry.ACTIVITY) + "/" + p.getAttributes().get(Telemetry.OUTCOME),
        LongPointData::getValue));
    assertThat(calls).containsEntry("ingest/ok", 1L).containsEntry("champion.rank/ok", 1L)
        .containsEntry("champion.rank/denied", 1L);
    assertThat(points(collected, "convener.ingest.rows")).extracting(LongPointData::getValue)
        .containsExactly((long) (3 + 4));
    assertThat(collected).extracting(MetricData::getName)
        .contains("convener.streams.live", "convener.outbox.backlog", "convener.outbox.oldest_age");
  }

  private static SpanData call(List<SpanData> spans, String activity) {
    return spans.stream().filter(s -> activity.equals(s.getAttributes().get(Telemetry.ACTIVITY)))
        .findFirst().orElseThrow(() -> new AssertionError("no span of " + activity + " in " + names(spans)));
  }

  private static List<SpanData> childrenOf(List<SpanData> spans, SpanData parent) {
    return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }

  private static List<LongPointData> points(Collection<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).flatMap(m -> m.getLongSumData().getPoints().stream())
        .toList();
  }

}
