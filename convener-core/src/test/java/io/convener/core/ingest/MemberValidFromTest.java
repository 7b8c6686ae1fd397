package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.core.internal.feed.IngestListener;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The optional {@code validFrom} of a member record (a contract extension): an RFC 3339 instant,
 * read from JSON Lines and CSV alike and handed on with the member; a bad one rejects the line,
 * naming the field.
 */
class MemberValidFromTest {
  static final TenantId ACME = TenantId.of("acme");

  private final MapStores stores = new MapStores(true);
  private final List<Member> told = new ArrayList<>();
  private final Ingester ingest = new Ingester(stores, stores, new RecordingConsentSink(),
      new IngestFeed(Set.of(new IngestListener() {
        @Override
        public void membersUpserted(TenantId tenant, List<Member> batch) {
          told.addAll(batch);
        }

        @Override
        public void eventsStored(TenantId tenant, List<Event> batch) {}
      })), new RecordingRecorder(), ConvenerSettings.defaults());

  @ParameterizedTest
  @EnumSource(value = InputFormat.class, names = {"JSON_LINES", "CSV"})
  void aMemberRecordCarriesItsValidFrom(InputFormat format) {
    String text = format == InputFormat.CSV
        ? "type,id,teams,validFrom\nmember,ana,web,2026-03-01T09:30:00+01:00\nmember,bo,web,\n"
        : """
            {"type":"member","id":"ana","teams":["web"],"validFrom":"2026-03-01T09:30:00+01:00"}
            {"type":"member","id":"bo","teams":["web"]}
            """;
    IngestReport report = ingest.ingest(ACME, IngesterTest.RUN, new ByteArrayInputStream(text.getBytes(UTF_8)), format);

    assertThat(report.rejected()).isEmpty();
    assertThat(told).extracting(m -> m.id().value()).containsExactly("ana", "bo");
    assertThat(told.get(0).validFrom()).contains(Instant.parse("2026-03-01T08:30:00Z"));
    assertThat(told.get(0).teams()).containsExactly(TeamId.of("web"));
    assertThat(told.get(1).validFrom()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"type":"member","id":"m","validFrom":"last week"}              | not an RFC 3339 timestamp
      {"type":"member","id":"m","validFrom":20260301}                 | must be a string
      {"type":"member","id":"m","validFrom":"2300-01-01T00:00:00Z"}   | must lie between
      """)
  void aBadValidFromRejectsTheLineNamingTheField(String line, String reason) {
    IngestReport report = ingest.ingest(ACME, IngesterTest.RUN, new ByteArrayInputStream(line.getBytes(UTF_8)),
        InputFormat.JSON_LINES);

    assertThat(report.accepted()).isZero();
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.field()).contains("validFrom");
      assertThat(r.reason()).contains(reason);
    });
    assertThat(told).isEmpty();
  }
}
