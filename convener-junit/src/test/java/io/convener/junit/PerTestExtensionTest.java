package io.convener.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.EventId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.ProvenanceQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** By annotation: a new, empty Convener for each test, given as a parameter. */
@ExtendWith(ConvenerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestExtensionTest {
  static final Principal ADMIN = Principal.of(TenantId.of("acme"), "admin", Role.ADMIN);
  static Convener first;

  static long entries(Convener convener) {
    return convener.provenance().query(ADMIN, ProvenanceQuery.all()).entries().size();
  }

  /** Ingests member a and event e1; answers how many events were new (1) or duplicates (0). */
  static long newEvents(Convener convener) {
    Event e1 = Event.builder(EventId.of("e1"), Instant.parse("2026-01-05T09:00:00Z"), EventKind.MESSAGE,
        MemberId.of("a")).build();
    IngestReport report = convener.ingest().submit(ADMIN, List.of(Member.of(MemberId.of("a"))), List.of(e1));
    return report.accepted() - 1;
  }

  @Test
  @Order(1)
  void theFirstTestWritesData(Convener convener) {
    first = convener;
    assertThat(newEvents(convener)).isEqualTo(1);
    assertThat(newEvents(convener)).as("the same event again is a duplicate").isZero();
  }

  @Test
  @Order(2)
  void theNextTestGetsAnotherEmptyConvener(Convener convener) {
    assertThat(convener).isNotSameAs(first);
    assertThat(newEvents(convener)).as("nothing of the first test").isEqualTo(1);
    assertThatClosed(first);
  }

  @Test
  @Order(3)
  void nothingIsWrittenIntoTheWorkingDirectory() {
    assertThat(Files.exists(Path.of("convener-data"))).isFalse();
  }

  static void assertThatClosed(Convener convener) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> entries(convener)).as("closed after its test")
        .isInstanceOf(RuntimeException.class);
  }
}
