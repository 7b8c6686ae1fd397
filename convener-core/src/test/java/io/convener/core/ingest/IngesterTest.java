package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.ingest.Rejection;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.Agent;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.core.internal.feed.IngestListener;
import io.convener.core.internal.gate.EntryDraft;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngesterTest {
  private static final TenantId ACME = TenantId.of("acme");

  /** The run every call of these tests is part of. */
  static final IngestRun RUN = new IngestRun(Agent.system("test"), "run-1");

  private final MapStores stores = new MapStores(true);
  private final RecordingRecorder recorder = new RecordingRecorder();
  private final RecordingConsentSink consent = new RecordingConsentSink();
  private final RecordingListener listener = new RecordingListener();
  private final Ingester ingest =
      new Ingester(stores, stores, consent, new IngestFeed(Set.of(listener, new FailingListener())), recorder, ConvenerSettings.defaults());

  /** The batch log of a run of the tenant, into a recorder that keeps nothing. */
  static BatchLog batchLog(TenantId tenant) {
    return new BatchLog(new RecordingRecorder(), tenant, RUN);
  }

  /** Records what the feed tells it. */
  static final class RecordingListener implements IngestListener {
    final List<MemberId> members = new ArrayList<>();
    final List<EventId> events = new ArrayList<>();

    @Override
    public synchronized void membersUpserted(TenantId tenant, List<Member> batch) {
      batch.forEach(m -> members.add(m.id()));
    }

    @Override
    public synchronized void eventsStored(TenantId tenant, List<Event> batch) {
      batch.forEach(e -> events.add(e.id()));
    }
  }

  /** A listener that breaks; the others must still be told and the ingestion must not fail. */
  static final class FailingListener implements IngestListener {
    @Override
    public void eventsStored(TenantId tenant, List<Event> batch) {
      throw new IllegalStateException("listener down");
    }
  }

  /** The file of the acceptance criterion: good lines, a duplicate and three malformed lines. */
  static final String MIXED =
      """
      {"type":"member","id":"ana","teams":["core"],"org":"eng/platform","displayName":"Ana","skills":["java"]}
      {"id":"e1","at":"2026-11-02T09:00:00Z","kind":"message","actor":"ana","team":"core"}
      {"id":"e2","at":"2026-11-02T09:05:00+01:00","kind":"reply","actor":"bo","targets":["ana"],"refs":["e1"],"sentiment":0.5}
      {"id":"e3","at":"2026-11-02T09:07:00Z","kind":"endorsement","actor":"bo","targets":["ana"],"tags":["java"],"weight":2}
      {"id":"e2","at":"2026-11-02T09:05:00+01:00","kind":"reply","actor":"bo","targets":["ana"],"refs":["e1"]}
      {"id":"e4","at":"2026-11-02T10:00:00Z","kind":"message",
      {"id":"e5","at":"2026-11-02T10:00:00Z","kind":"message"}
      {"id":"e6","at":"yesterday","kind":"message","actor":"ana"}
      {"id":"e7","at":"2026-11-03T08:00:00.123456789Z","kind":"survey","actor":"ana","attrs":{"instrument":"psych-safety-7","answers":[2,6,1,6,2,7,6]}}
      """;

  @Test
  void takesGoodLinesRejectsBadOnesWithLineAndReasonAndStoresEachEventOnce() {
    IngestReport report = ingest.ingest(ACME, RUN, stream(MIXED), InputFormat.JSON_LINES);

    assertThat(report.members()).isEqualTo(1);
    assertThat(report.events()).isEqualTo(4);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.accepted()).isEqualTo(5);
    assertThat(report.rejectedCount()).isEqualTo(3);
    assertThat(report.rejected()).extracting(Rejection::line).containsExactly(6L, 7L, 8L);
    assertThat(report.rejected().get(0).reason()).startsWith("not valid JSON");
    assertThat(report.rejected().get(1).field()).contains("actor");
    assertThat(report.rejected().get(1).reason()).isEqualTo("required");
    assertThat(report.rejected().get(2).field()).contains("at");
    assertThat(report.rejected().get(2).reason()).contains("RFC 3339").contains("yesterday");
    assertThat(stores.events.get(ACME)).containsOnlyKeys(ids("e1", "e2", "e3", "e7"));

    IngestReport again = ingest.ingest(ACME, RUN, stream(MIXED), InputFormat.JSON_LINES);
    assertThat(again.events()).isZero();
    assertThat(again.duplicates()).isEqualTo(5);
    assertThat(stores.events.get(ACME)).hasSize(4);
  }

  @Test
  void theFeedIsToldOfEveryNewEventOnceAndNeverOfDuplicatesOrRejections() {
    ingest.ingest(ACME, RUN, stream(MIXED), InputFormat.JSON_LINES);
    ingest.ingest(ACME, RUN, stream(MIXED), InputFormat.JSON_LINES);

    assertThat(listener.events).containsExactlyElementsOf(ids("e1", "e2", "e3", "e7"));
    assertThat(listener.members).containsExactly(MemberId.of("ana"), MemberId.of("ana"));
  }

  @Test
  void mapsEveryFieldOfTheInterchangeFormat() {
    ingest.ingest(ACME, RUN, stream(MIXED), InputFormat.JSON_LINES);

    Member ana = stores.members.get(ACME).get(MemberId.of("ana"));
    assertThat(ana.teams()).containsExactly(TeamId.of("core"));
    assertThat(ana.org()).contains(OrgUnit.of("eng/platform"));
    assertThat(ana.displayName()).contains("Ana");
    assertThat(ana.email()).isEmpty();
    assertThat(ana.skills()).containsExactly("java");

    Event reply = stores.events.get(ACME).get(EventId.of("e2"));
    assertThat(reply.kind()).isEqualTo(EventKind.REPLY);
    assertThat(reply.at()).isEqualTo(Instant.parse("2026-11-02T08:05:00Z"));
    assertThat(reply.targets()).containsExactly(MemberId.of("ana"));
    assertThat(reply.refs()).containsExactly(EventId.of("e1"));
    assertThat(reply.sentiment()).hasValue(0.5);
    assertThat(reply.weight()).isEqualTo(1.0);
    assertThat(reply.team()).isEmpty();

    Event endorsement = stores.events.get(ACME).get(EventId.of("e3"));
    assertThat(endorsement.weight()).isEqualTo(2.0);
    assertThat(endorsement.tags()).containsExactly("java");

    Event survey = stores.events.get(ACME).get(EventId.of("e7"));
    assertThat(survey.at()).isEqualTo(Instant.parse("2026-11-03T08:00:00.123456789Z"));
    assertThat(survey.attrs().list("answers")).contains(List.of(2L, 6L, 1L, 6L, 2L, 7L, 6L));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          unknown kind      | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"poke","actor":"a"}                              | kind          | unknown kind
          missing id        | {"at":"2026-01-01T00:00:00Z","kind":"message","actor":"a"}                                     | id            | required
          blank actor       | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":" "}                            | actor         | blank
          no offset         | {"id":"x","at":"2026-01-01T00:00:00","kind":"message","actor":"a"}                             | at            | RFC 3339
          numeric at        | {"id":"x","at":1700000000,"kind":"message","actor":"a"}                                        | at            | must be a string
          zero weight       | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":"a","weight":0}                 | weight        | > 0
          text weight       | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":"a","weight":"2"}               | weight        | must be a number
          sentiment range   | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":"a","sentiment":1.5}            | sentiment     | [-1, 1]
          targets not array | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":"a","targets":"b"}              | targets       | array
          target not text   | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":"a","targets":["b",3]}          | targets[1]    | non-blank string
          attrs not object  | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"message","actor":"a","attrs":[1]}                | attrs         | object
          short survey      | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"survey","actor":"a","attrs":{"instrument":"psych-safety-7","answers":[1,2,3]}} | attrs.answers | 7 answers
          survey range      | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"survey","actor":"a","attrs":{"instrument":"psych-safety-7","answers":[1,2,3,4,5,6,8]}} | attrs.answers | 1 to 7
          consent decision  | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"consent","actor":"a","attrs":{"purpose":"profile.share","decision":"maybe"}} | attrs.decision | granted
          consent purpose   | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"consent","actor":"a","attrs":{"decision":"granted"}} | attrs.purpose | required
          adoption no ref   | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"adoption","actor":"a"}                           | refs          | refs[0]
          outcome value     | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"outcome","actor":"a","attrs":{"value":"high"}}   | attrs.value   | number
          outcome direction | {"id":"x","at":"2026-01-01T00:00:00Z","kind":"outcome","actor":"a","attrs":{"value":3,"direction":"down"}} | attrs.direction | lower-is-better
          unknown type      | {"type":"team","id":"x"}                                                                       | type          | member
          bad org path      | {"type":"member","id":"m","org":"eng//platform"}                                               | org           | empty segments
          bad tenant-ish id | {"type":"member","id":"m","teams":[""]}                                                        | teams[0]      | non-blank
          """)
  void rejectsAnInvalidFieldByName(String caseName, String line, String field, String reason) {
    IngestReport report = ingest.ingest(ACME, RUN, stream(line), InputFormat.JSON_LINES);

    assertThat(report.accepted()).as(caseName).isZero();
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.field()).contains(field);
      assertThat(r.reason()).contains(reason);
    });
  }

  @Test
  void rejectsLinesThatAreNotSingleJsonObjects() {
    IngestReport report =
        ingest.ingest(ACME, RUN, stream("[1,2]\n\n{\"id\":\"a\"} {\"id\":\"b\"}\n{\"id\":\"a\",\"id\":\"b\"}\n"), InputFormat.JSON_LINES);

    assertThat(report.rejected()).extracting(Rejection::line).containsExactly(1L, 3L, 4L);
    assertThat(report.rejected()).allSatisfy(r -> assertThat(r.field()).isEmpty());
    assertThat(report.rejected().get(0).reason()).contains("JSON object");
  }

  @Test
  void ignoresUnknownFieldsAndKeepsAttrs() {
    ingest.ingest(ACME, RUN, stream(
        "{\"id\":\"x\",\"at\":\"2026-01-01T00:00:00Z\",\"kind\":\"innovation\",\"actor\":\"a\",\"channel\":\"#ops\","
            + "\"attrs\":{\"title\":\"Blameless reviews\",\"nested\":{\"n\":[1,2.5,true]}}}"), InputFormat.JSON_LINES);

    Event e = stores.events.get(ACME).get(EventId.of("x"));
    assertThat(e.attrs().string("title")).contains("Blameless reviews");
    assertThat(e.attrs().get("nested")).contains(java.util.Map.of("n", List.of(1L, 2.5, true)));
  }

  @Test
  void upsertsMembersSoTheLastLineWins() {
    ingest.ingest(ACME, RUN, stream("""
        {"type":"member","id":"ana","teams":["core"],"email":"ana@example.org"}
        {"type":"member","id":"ana","teams":["web","core"]}
        """), InputFormat.JSON_LINES);

    Member ana = stores.members.get(ACME).get(MemberId.of("ana"));
    assertThat(ana.teams()).containsExactly(TeamId.of("web"), TeamId.of("core"));
    assertThat(ana.email()).isEmpty();
  }

  @Test
  void readsCsvWithListsAttrsAndRecordLineNumbers() {
    String csv =
        """
        type,id,at,kind,actor,targets,team,weight,sentiment,refs,tags,attrs,teams,org
        member,ana,,,,,,,,,,,core;web,eng/platform
        event,e1,2026-11-02T09:00:00Z,meeting,ana,bo; cy ,core,1.5,-0.25,,ops;java,"{""room"":""4.1""}",,
        event,e2,2026-11-02T09:00:00Z,message,,,,,,,,,,
        event,e3,2026-11-02T10:00:00Z,message,bo,,,"a lot",,,,,,
        event,e4,2026-11-02T10:00:00Z,message,bo,,,,,,,"{not json",,
        event,e5,2026-11-02T11:00:00Z,message,bo,,,,,,,"{""text"":""two lines"",
        ""n"":1}",,
        event,e6,2026-11-02T12:00:00Z,message,bo,,,,,,,,,,,extra
        event,e7,2026-11-02T13:00:00Z,message,cy
        """;
    IngestReport report = ingest.ingest(ACME, RUN, stream(csv), InputFormat.CSV);

    assertThat(report.members()).isEqualTo(1);
    assertThat(report.events()).as(report.toString()).isEqualTo(3);
    assertThat(report.rejected()).extracting(Rejection::line, r -> r.field().orElse(""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4L, "actor"),
            org.assertj.core.groups.Tuple.tuple(5L, "weight"),
            org.assertj.core.groups.Tuple.tuple(6L, "attrs"),
            org.assertj.core.groups.Tuple.tuple(9L, ""));
    Event meeting = stores.events.get(ACME).get(EventId.of("e1"));
    assertThat(meeting.targets()).containsExactly(MemberId.of("bo"), MemberId.of("cy"));
    assertThat(meeting.weight()).isEqualTo(1.5);
    assertThat(meeting.sentiment()).hasValue(-0.25);
    assertThat(meeting.tags()).containsExactly("ops", "java");
    assertThat(meeting.attrs().string("room")).contains("4.1");
    assertThat(stores.events.get(ACME).get(EventId.of("e5")).attrs().string("text")).contains("two lines");
    assertThat(stores.members.get(ACME).get(MemberId.of("ana")).teams())
        .containsExactly(TeamId.of("core"), TeamId.of("web"));
  }

  @Test
  void reportsAnUnclosedCsvQuoteAndKeepsTheRowsBeforeIt() {
    String csv = "id,at,kind,actor\ne1,2026-11-02T09:00:00Z,message,ana\ne2,\"2026-11-02T09:00:00Z,message,ana\n";
    IngestReport report = ingest.ingest(ACME, RUN, stream(csv), InputFormat.CSV);

    assertThat(report.events()).isEqualTo(1);
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).contains("CSV syntax error").contains("rest of the file was not read");
    });
  }

  @Test
  void everyBatchHasAnEntryThatStatesWhatItAddedCausedByTheBatchBefore() {
    Ingester small = new Ingester(stores, stores, consent, IngestFeed.none(), recorder,
        ConvenerSettings.defaults().withIngestBatchSize(2));
    Event e = Event.builder(EventId.of("s1"), Instant.parse("2026-01-01T00:00:00Z"), EventKind.MESSAGE, MemberId.of("a")).build();
    Event f = Event.builder(EventId.of("s2"), Instant.parse("2026-01-01T00:00:01Z"), EventKind.MESSAGE, MemberId.of("a")).build();
    IngestReport report = small.submit(ACME, RUN,
        List.of(Member.of(MemberId.of("a")), Member.of(MemberId.of("b")), Member.of(MemberId.of("a"))), List.of(e, e, f));

    assertThat(report.events()).isEqualTo(2);
    List<EntryDraft> drafts = recorder.drafts();
    assertThat(drafts).extracting(EntryDraft::activity).containsOnly("ingest.batch");
    assertThat(drafts).extracting(EntryDraft::used).containsOnly(List.of("ingest-run:run-1"));
    // A full batch is written when it fills; the rest of each kind at the end, members first.
    assertThat(drafts).flatExtracting(EntryDraft::generated).containsExactly(
        "ingest-batch:0:members=2,upserted=2,events=0,duplicates=0,consent-events=0",
        "ingest-batch:1:members=0,upserted=0,events=1,duplicates=1,consent-events=0",
        "ingest-batch:2:members=0,upserted=1,events=0,duplicates=0,consent-events=0",
        "ingest-batch:3:members=0,upserted=0,events=1,duplicates=0,consent-events=0");
    assertThat(drafts).extracting(d -> d.causedBy().isPresent() ? d.causedBy().getAsLong() : -1L)
        .containsExactly(-1L, 0L, 1L, 2L);
    assertThat(drafts).extracting(EntryDraft::inputDigest).doesNotHaveDuplicates();
  }

  @Test
  void writesInBatchesOfTheConfiguredSize() {
    MapStores counting = new MapStores(false);
    Ingester small = new Ingester(counting, counting, (t, s, d) -> {}, IngestFeed.none(), new RecordingRecorder(), ConvenerSettings.defaults().withIngestBatchSize(100));
    small.ingest(ACME, RUN, new GeneratedEvents(250), InputFormat.JSON_LINES);

    assertThat(counting.batchSizes).containsExactly(100, 100, 50);
  }

  /**
   * Pushes about 370 MB of JSON Lines through ingestion. Surefire runs this module with
   * {@code -Xmx256m}, so the test fails with an OutOfMemoryError if ingestion held the input.
   */
  @Test
  void streamsInputLargerThanTheHeap() {
    MapStores counting = new MapStores(false);
    Ingester service = new Ingester(counting, counting, (t, s, d) -> {}, IngestFeed.none(), new RecordingRecorder(), ConvenerSettings.defaults());
    GeneratedEvents input = new GeneratedEvents(2_000_000);

    IngestReport report = service.ingest(ACME, RUN, input, InputFormat.JSON_LINES);

    assertThat(input.bytesServed()).isGreaterThan(Runtime.getRuntime().maxMemory());
    assertThat(report.events()).isEqualTo(2_000_000);
    assertThat(counting.counted).isEqualTo(2_000_000);
  }

  @Test
  void ingestsAFileChoosingTheFormatFromItsName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("events.jsonl"), MIXED);
    assertThat(ingest.ingest(ACME, RUN, file).events()).isEqualTo(4);

    Path unknown = Files.writeString(dir.resolve("events.txt"), MIXED);
    assertThatThrownBy(() -> ingest.ingest(ACME, RUN, unknown))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("file").hasMessageContaining(".jsonl or .csv");
  }

  @Test
  void keepsTenantsApart() {
    ingest.ingest(ACME, RUN, stream(MIXED), InputFormat.JSON_LINES);
    TenantId other = TenantId.of("globex");
    IngestReport report = ingest.ingest(other, RUN, stream(MIXED), InputFormat.JSON_LINES);

    assertThat(report.events()).isEqualTo(4);
    assertThat(report.duplicates()).isEqualTo(1);
  }

  @Test
  void submitsRecordsAHostAlreadyHolds() {
    Event e = Event.builder(EventId.of("s1"), Instant.parse("2026-01-01T00:00:00Z"), EventKind.MESSAGE, MemberId.of("a")).build();
    IngestReport first = ingest.submit(ACME, RUN, List.of(Member.of(MemberId.of("a"))), List.of(e, e));

    assertThat(first.members()).isEqualTo(1);
    assertThat(first.events()).isEqualTo(1);
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(stores.find(ACME, EventId.of("s1"))).isEqualTo(Optional.of(e));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static List<EventId> ids(String... ids) {
    return java.util.Arrays.stream(ids).map(EventId::of).toList();
  }
}
