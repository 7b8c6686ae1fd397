package io.convener.core.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.multibindings.OptionalBinder;
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
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.Conveners;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
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
 * Issue 16 §5: the hits and misses of the main caches reach the host's metrics as {@value
 * CacheStats#HITS} and {@value CacheStats#MISSES} by {@code convener.cache}: a repeated champions
 * call finds its tenant's window, structure and log in memory (the hit count goes up), and so does
 * a repeated pulse with the rollups and scope index.
 */
class CacheStatsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant AS_OF = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void aRepeatedChampionsCallOrPulseCountsCacheHits() {
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    OpenTelemetry otel = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
    try (Convener convener = Conveners.builder().database("jdbc:h2:mem:cache-" + UUID.randomUUID()).inMemoryKeys()
        .module(b -> OptionalBinder.newOptionalBinder(b, OpenTelemetry.class).setBinding().toInstance(otel))
        .build()) {
      ingest(convener);
      ChampionQuery query = ChampionQuery.builder().asOf(AS_OF).build();
      convener.champions().rank(ADMIN, query);
      Map<String, Long> hits = figures(metrics.collectAllMetrics(), CacheStats.HITS);
      Map<String, Long> misses = figures(metrics.collectAllMetrics(), CacheStats.MISSES);
      assertThat(misses).as("the first call builds the tenant's state").containsKeys(CacheStats.CHAMPION_WINDOWS,
          CacheStats.CHAMPION_STRUCTURES, CacheStats.CHAMPION_LOGS, CacheStats.CONSENT);
      assertThat(misses.get(CacheStats.CHAMPION_WINDOWS)).isPositive();

      convener.champions().rank(ADMIN, query);
      Map<String, Long> again = figures(metrics.collectAllMetrics(), CacheStats.HITS);
      assertThat(again.get(CacheStats.CHAMPION_WINDOWS)).as("the window is found the second time")
          .isGreaterThan(hits.getOrDefault(CacheStats.CHAMPION_WINDOWS, 0L));
      assertThat(again.get(CacheStats.CHAMPION_LOGS)).isGreaterThan(hits.getOrDefault(CacheStats.CHAMPION_LOGS, 0L));

      PulseRequest pulse = PulseRequest.of(PulseScope.team(TeamId.of("red")), AS_OF);
      convener.pulse().report(ADMIN, pulse);
      Map<String, Long> beforeRepeat = figures(metrics.collectAllMetrics(), CacheStats.HITS);
      assertThat(figures(metrics.collectAllMetrics(), CacheStats.MISSES)).containsKey(CacheStats.PULSE_INDEXES);
      convener.pulse().report(ADMIN, pulse);
      Map<String, Long> afterRepeat = figures(metrics.collectAllMetrics(), CacheStats.HITS);
      assertThat(afterRepeat.get(CacheStats.PULSE_INDEXES))
          .isGreaterThan(beforeRepeat.getOrDefault(CacheStats.PULSE_INDEXES, 0L));
      assertThat(afterRepeat.get(CacheStats.PULSE_ROLLUPS))
          .isGreaterThan(beforeRepeat.getOrDefault(CacheStats.PULSE_ROLLUPS, 0L));
    }
  }

  private static void ingest(Convener convener) {
    List<Member> members = new ArrayList<>();
    for (String id : List.of("a", "b", "c", "d", "e")) {
      members.add(Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build());
    }
    List<Event> events = new ArrayList<>();
    String[][] replies = {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}, {"d", "e"}, {"e", "a"}};
    for (int i = 0; i < replies.length; i++) {
      events.add(Event.builder(EventId.of("e" + i), AS_OF.minus(Duration.ofDays(3 + i)), EventKind.REPLY,
          MemberId.of(replies[i][0])).targets(List.of(MemberId.of(replies[i][1]))).build());
    }
    convener.ingest().submit(ADMIN, members, events);
    members.forEach(m -> convener.consent().grant(ADMIN, m.id(), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
  }

  /** The cumulative figure of each cache in one collection of the metric. */
  private static Map<String, Long> figures(Collection<MetricData> collected, String metric) {
    return collected.stream().filter(m -> m.getName().equals(metric))
        .flatMap(m -> m.getLongSumData().getPoints().stream())
        .collect(Collectors.toMap(p -> p.getAttributes().get(CacheStats.CACHE), LongPointData::getValue, Long::sum));
  }
}
