package io.convener.core.consent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.ingest.Rejection;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.core.ConvenerModule;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.EventStore;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Consent events of the interchange format, through ingestion, into the gate: the full wiring. */
class ConsentIngestionTest {
  static final TenantId ACME = TenantId.of("acme");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");
  static final Purpose CHAMPION = Purpose.CHAMPION_RECOMMENDATION;
  static final Purpose PROFILE = Purpose.PROFILE_SHARE;

  private final Injector injector = Guice.createInjector(
      new ConvenerModule(), new JdbcStorageModule(JdbcSettings.inMemoryH2("ingest-" + UUID.randomUUID())));
  private final Convener convener = injector.getInstance(Convener.class);
  private final ConsentEngine consent;

  ConsentIngestionTest() {
    convener.start();
    consent = injector.getInstance(ConsentEngine.class);
  }

  @AfterEach
  void close() {
    convener.close();
  }

  static final String CONSENT = """
      {"id":"c1","at":"2021-01-05T09:00:00Z","kind":"consent","actor":"ana","attrs":{"purpose":"champion.recommendation","decision":"granted","noticeVersion":"n-2021-01"}}
      {"id":"c2","at":"2021-01-05T09:01:00Z","kind":"consent","actor":"bo","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"m1","at":"2021-01-06T10:00:00Z","kind":"message","actor":"bo"}
      {"id":"c3","at":"2021-02-01T12:00:00Z","kind":"consent","actor":"bo","attrs":{"purpose":"champion.recommendation","decision":"revoked"}}
      {"id":"c4","at":"2021-01-01T08:00:00Z","kind":"consent","actor":"ana","attrs":{"purpose":"champion.recommendation","decision":"revoked"}}
      {"id":"c5","at":"2021-01-05T09:02:00Z","kind":"consent","actor":"cy","attrs":{"purpose":"profile.share","decision":"granted","expiresAt":"2021-01-06T09:02:00Z"}}
      {"id":"c6","at":"2021-01-05T09:03:00Z","kind":"consent","actor":"cy","attrs":{"purpose":"champion.*","decision":"granted"}}
      {"id":"c7","at":"2021-01-05T09:04:00Z","kind":"consent","actor":"cy","attrs":{"purpose":"champion.recommendation","decision":"granted","expiresAt":"2021-01-05T09:00:00Z"}}
      {"id":"c1","at":"2021-01-05T09:00:00Z","kind":"consent","actor":"ana","attrs":{"purpose":"champion.recommendation","decision":"granted","noticeVersion":"n-2021-01"}}
      """;

  private IngestReport ingest(String lines) {
    return convener.ingest().stream(Principal.of(ACME, "test", Role.ADMIN), new ByteArrayInputStream(lines.getBytes(UTF_8)), InputFormat.JSON_LINES);
  }

  @Test
  void consentEventsBecomeRecordsAndTheLatestAtWins() {
    IngestReport report = ingest(CONSENT);

    assertThat(report.events()).isEqualTo(6);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.rejected()).extracting(Rejection::line).containsExactly(7L, 8L);
    assertThat(report.rejected().get(0).field()).contains("attrs.purpose");
    assertThat(report.rejected().get(0).reason()).contains("no wildcard");
    assertThat(report.rejected().get(1).field()).contains("attrs.expiresAt");

    // Ana granted on Jan 5; her revocation dated Jan 1 arrived later but is older: history only.
    assertThat(consent.check(ACME, ANA, CHAMPION)).isTrue();
    assertThat(consent.history(ACME, ANA)).extracting(ConsentRecord::decision)
        .containsExactly(ConsentDecision.GRANTED, ConsentDecision.REVOKED);
    // Bo granted, then revoked.
    assertThat(consent.check(ACME, BO, CHAMPION)).isFalse();
    assertThat(consent.list(ACME, CHAMPION)).containsExactly(ANA);
    // Cy's profile grant expired on Jan 6 (the gate's clock is the real one).
    assertThat(consent.check(ACME, CY, PROFILE)).isFalse();
    assertThat(consent.current(ACME, CY, PROFILE)).hasValueSatisfying(r ->
        assertThat(r.expiresAt()).contains(Instant.parse("2021-01-06T09:02:00Z")));

    ConsentRecord ana = consent.current(ACME, ANA, CHAMPION).orElseThrow();
    assertThat(ana.method()).isEqualTo(ConsentMethod.INTERCHANGE_EVENT);
    assertThat(ana.recordedBy()).isEqualTo("ingest");
    assertThat(ana.sourceEvent()).contains(EventId.of("c1"));
    assertThat(ana.noticeVersion()).contains("n-2021-01");
    assertThat(ana.at()).isEqualTo(Instant.parse("2021-01-05T09:00:00Z"));
    assertThat(consent.version(ACME)).isEqualTo(5);
  }

  @Test
  void reIngestingTheSameInputRecordsNothingNew() {
    ingest(CONSENT);
    long version = consent.version(ACME);

    IngestReport again = ingest(CONSENT);

    assertThat(again.events()).isZero();
    assertThat(consent.version(ACME)).isEqualTo(version);
    assertThat(consent.history(ACME, ANA)).hasSize(2);
  }

  @Test
  void eventsStoredWithoutTheirConsentAreRecordedWhenIngestedAgain() {
    // As if an earlier ingestion stopped between committing the events and recording their consent.
    Event stored = Event.builder(EventId.of("c1"), Instant.parse("2021-01-05T09:00:00Z"), EventKind.CONSENT, ANA)
        .attrs(Attrs.of(Map.of("purpose", "champion.recommendation", "decision", "granted")))
        .build();
    injector.getInstance(EventStore.class).insert(ACME, List.of(stored));
    assertThat(consent.check(ACME, ANA, CHAMPION)).isFalse();

    // The same id arrives again, with a different decision: the first write of the event wins.
    IngestReport report = ingest("""
        {"id":"c1","at":"2021-01-05T09:00:00Z","kind":"consent","actor":"ana","attrs":{"purpose":"champion.recommendation","decision":"revoked"}}
        """);

    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(consent.check(ACME, ANA, CHAMPION)).isTrue();
    assertThat(consent.history(ACME, ANA)).singleElement()
        .satisfies(r -> assertThat(r.sourceEvent()).contains(EventId.of("c1")));
  }

  @Test
  void submittedConsentEventsAreRecordedAndInvalidOnesSkipped() {
    Event grant = Event.builder(EventId.of("s1"), Instant.parse("2021-01-05T09:00:00Z"), EventKind.CONSENT, BO)
        .attrs(Attrs.of(Map.of("purpose", "profile.share", "decision", "granted")))
        .build();
    Event wildcard = Event.builder(EventId.of("s2"), Instant.parse("2021-01-05T09:00:00Z"), EventKind.CONSENT, CY)
        .attrs(Attrs.of(Map.of("purpose", "*", "decision", "granted")))
        .build();

    IngestReport report = convener.ingest().submit(Principal.of(ACME, "test", Role.ADMIN), List.of(), List.of(grant, wildcard));

    assertThat(report.events()).isEqualTo(2);
    assertThat(consent.check(ACME, BO, PROFILE)).isTrue();
    assertThat(consent.history(ACME, CY)).isEmpty();
  }

  @Test
  void theFacadeAndTheIngestionFeedShareOneGate() {
    assertThat(injector.getInstance(ConsentGate.class)).isSameAs(convener.consent());
    assertThat(convener.consent()).isInstanceOf(GatedConsentGate.class);
    assertThat(injector.getInstance(ConsentEventSink.class)).isSameAs(injector.getInstance(DefaultConsentEngine.class));
    assertThat(consent).isSameAs(injector.getInstance(DefaultConsentEngine.class));
  }
}
