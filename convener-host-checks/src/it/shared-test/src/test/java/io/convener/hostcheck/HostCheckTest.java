package io.convener.hostcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.ingest.Rejection;
import io.convener.api.provenance.VerificationResult;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.Conveners;
import io.convener.junit.ConvenerExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every host check runs: the libraries on the class path are the versions the host's pom
 * chose (system properties {@code expect.ARTIFACT}), and Convener, on them, ingests CSV and JSON
 * Lines and answers champions, pulse, consent and provenance questions, through the JUnit
 * extension and through {@code Conveners.builder()}.
 */
class HostCheckTest {
  static final Principal ADMIN = Principal.of(TenantId.of("acme"), "host-admin", Role.ADMIN);
  static final List<String> NAMES = List.of("ana", "bo", "cy", "di", "ed", "fay");
  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void theClassPathHoldsTheVersionsThePomChose() {
    expectJar(com.google.inject.Guice.class, "guice");
    expectJar(com.fasterxml.jackson.databind.ObjectMapper.class, "jackson-databind");
    expectJar(com.fasterxml.jackson.dataformat.csv.CsvMapper.class, "jackson-dataformat-csv");
    expectJar(org.jdbi.v3.core.Jdbi.class, "jdbi3-core");
    expectJar(org.flywaydb.core.Flyway.class, "flyway-core");
    expectJar(org.slf4j.LoggerFactory.class, "slf4j-api");
    expectJar(io.opentelemetry.api.GlobalOpenTelemetry.class, "opentelemetry-api");
    expectJar(org.h2.Driver.class, "h2");
  }

  @Test
  @ExtendWith(ConvenerExtension.class)
  void answersThroughTheJUnitExtension(Convener convener) {
    assertAnswers(convener);
  }

  @Test
  void answersThroughTheBuilder() {
    try (Convener convener = Conveners.builder().database("jdbc:h2:mem:host-" + UUID.randomUUID()).inMemoryKeys()
        .build()) {
      assertAnswers(convener);
    }
  }

  static void assertAnswers(Convener convener) {
    IngestReport members = convener.ingest().stream(ADMIN, stream(membersCsv()), InputFormat.CSV);
    assertEquals(NAMES.size(), members.members(), () -> "members: " + members.rejected());
    IngestReport events = convener.ingest().stream(ADMIN, stream(eventsJsonl()), InputFormat.JSON_LINES);
    assertEquals(15, events.events());
    assertEquals(List.of(16L), events.rejected().stream().map(Rejection::line).toList(), "the line without an actor");
    assertEquals(15, convener.ingest().stream(ADMIN, stream(eventsJsonl()), InputFormat.JSON_LINES).duplicates());

    // Everyone but fay consents to be recommended as a champion.
    NAMES.stream().filter(n -> !n.equals("fay"))
        .forEach(n -> convener.consent().grant(ADMIN, MemberId.of(n), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
    assertTrue(convener.consent().check(ADMIN, MemberId.of("ana"), Purpose.CHAMPION_RECOMMENDATION));
    assertFalse(convener.consent().check(ADMIN, MemberId.of("fay"), Purpose.CHAMPION_RECOMMENDATION));

    ChampionRanking ranking =
        convener.champions().rank(ADMIN, ChampionQuery.builder().asOf(AS_OF).build());
    assertEquals("ana", ranking.champions().get(0).member().value().value(), "the hub everyone answers ranks first");
    assertTrue(ranking.champions().stream().noneMatch(r -> r.member().subject().value().equals("fay")),
        "fay did not consent and is never named");

    PulseReport pulse = convener.pulse().report(ADMIN,
        PulseRequest.of(PulseScope.team(TeamId.of("core")), AS_OF));
    assertFalse(pulse.isSuppressed(), () -> "suppressed: " + pulse.suppressed());
    assertEquals(6.0, pulse.metrics().get(PulseMetric.MEMBERS).orElseThrow());
    assertEquals(15.0 / 6, pulse.metrics().get(PulseMetric.EVENTS_PER_MEMBER).orElseThrow(), 1e-9);

    VerificationResult verified = convener.provenance().verify(ADMIN);
    assertTrue(verified.verified(), () -> "provenance: " + verified.reason());
    assertTrue(verified.entries() >= 10, "one entry per call: 3 ingests, 5 grants, champions, pulse");
  }

  static String membersCsv() {
    StringBuilder csv = new StringBuilder("type,id,teams\n");
    NAMES.forEach(n -> csv.append("member,").append(n).append(",core\n"));
    return csv.toString();
  }

  /** Ana opens a thread a day; each of the others answers her, and she answers back; then one bad line. */
  static String eventsJsonl() {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i < NAMES.size(); i++) {
      String other = NAMES.get(i);
      String day = "2026-10-2" + i;
      jsonl.append(event("q" + i, day + "T09:00:00Z", "message", "ana", "", ""))
          .append(event("a" + i, day + "T09:10:00Z", "reply", other, "ana", "q" + i))
          .append(event("t" + i, day + "T09:20:00Z", "reply", "ana", other, "a" + i));
    }
    return jsonl.append("{\"id\":\"bad\",\"at\":\"2026-10-30T09:00:00Z\",\"kind\":\"message\",\"team\":\"core\"}\n")
        .toString();
  }

  static String event(String id, String at, String kind, String actor, String target, String ref) {
    String targets = target.isEmpty() ? "" : ",\"targets\":[\"" + target + "\"],\"refs\":[\"" + ref + "\"]";
    return "{\"id\":\"" + id + "\",\"at\":\"" + at + "\",\"kind\":\"" + kind + "\",\"actor\":\"" + actor
        + "\",\"team\":\"core\"" + targets + "}\n";
  }

  static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The class was loaded from the jar of that artifact at the version the pom expects. */
  static void expectJar(Class<?> type, String artifact) {
    String version = System.getProperty("expect." + artifact);
    assertNotNull(version, "the host pom names no expect." + artifact);
    String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
    assertEquals(artifact + "-" + version + ".jar", jar, type.getName());
  }
}
