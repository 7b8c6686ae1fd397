package io.convener.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.convener.core.internal.feed.IngestFeed;
import org.junit.jupiter.api.Test;

/** Which consent events of a batch ingestion hands on as new, and which as duplicates. */
class ConsentFeedTest {
  static final TenantId ACME = TenantId.of("acme");
  static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

  private final MapStores stores = new MapStores(true);
  private final RecordingConsentSink sink = new RecordingConsentSink();

  static Event consent(String id, String actor) {
    return Event.builder(EventId.of(id), T, EventKind.CONSENT, MemberId.of(actor))
        .attrs(Attrs.of(Map.of("purpose", "champion.recommendation", "decision", "granted")))
        .build();
  }

  static Event message(String id) {
    return Event.builder(EventId.of(id), T, EventKind.MESSAGE, MemberId.of("ana")).build();
  }

  private void write(int batchSize, Event... events) {
    BatchWriter writer = new BatchWriter(ACME, stores, stores, sink, IngestFeed.none(), batchSize, IngesterTest.batchLog(ACME));
    for (Event e : events) {
      writer.accept(new ParsedLine.EventLine(e));
    }
    writer.finish();
  }

  @Test
  void newConsentEventsAreHandedOnOnceAndDuplicatesSeparately() {
    write(100, consent("c1", "ana"), message("m1"));

    write(100, consent("c2", "bo"), consent("c1", "ana"), consent("c2", "bo"), message("m2"), consent("c3", "cy"));

    assertThat(sink.stored).containsExactly(EventId.of("c1"), EventId.of("c2"), EventId.of("c3"));
    assertThat(sink.duplicates).as("only the id the store already had").containsExactly(EventId.of("c1"));
  }

  @Test
  void batchesWithoutConsentEventsDoNotCallTheSink() {
    write(2, message("m1"), message("m2"), message("m3"));
    assertThat(sink.calls).isZero();
  }

  @Test
  void anIdFirstSeenAsAnotherKindIsNotConsent() {
    write(100, message("x"), consent("x", "ana"));
    assertThat(sink.stored).isEmpty();
    assertThat(sink.duplicates).isEmpty();
  }

  @Test
  void everyBatchIsHandedOnAfterItIsStored() {
    write(2, consent("a", "ana"), consent("b", "bo"), consent("c", "cy"));
    assertThat(sink.calls).isEqualTo(2);
    assertThat(sink.stored).containsExactly(EventId.of("a"), EventId.of("b"), EventId.of("c"));
    assertThat(stores.events.get(ACME)).hasSize(3);
  }

  @Test
  void theReportIsUnchangedByTheFeed() {
    BatchWriter writer = new BatchWriter(ACME, stores, stores, sink, IngestFeed.none(), 10, IngesterTest.batchLog(ACME));
    List.of(consent("a", "ana"), consent("a", "ana"), message("m")).forEach(e -> writer.accept(new ParsedLine.EventLine(e)));
    var report = writer.finish();
    assertThat(report.events()).isEqualTo(2);
    assertThat(report.duplicates()).isEqualTo(1);
  }
}
