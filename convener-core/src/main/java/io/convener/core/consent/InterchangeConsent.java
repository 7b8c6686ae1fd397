package io.convener.core.consent;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a {@code consent} event of the interchange format into a consent record: the actor is the
 * subject, {@code attrs.purpose} and {@code attrs.decision} say what, {@code attrs.noticeVersion}
 * and {@code attrs.expiresAt} are optional. The record id is derived from the tenant and the event
 * id, so recording the same event twice records it once.
 */
final class InterchangeConsent {
  /** Who records consent that arrives through ingestion. */
  static final String INGEST = "ingest";

  /** The latest instant a store is required to hold (nanoseconds since 1970 in a signed 64-bit long). */
  private static final Instant MAX_AT = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  private InterchangeConsent() {}

  /** The id of the record an event becomes: a name-based UUID of the tenant and the event id. */
  static ConsentRecordId recordId(TenantId tenant, EventId event) {
    String name = "convener:consent-event:" + tenant.value() + ":" + event.value();
    return ConsentRecordId.of(UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString());
  }

  /**
   * The record of a consent event, or empty when the event is of another kind or does not say a
   * valid purpose and decision (possible for events a host submits directly, which skip the
   * checks of the readers).
   */
  static Optional<ConsentRecord> record(TenantId tenant, Event event) {
    if (event.kind() != EventKind.CONSENT) {
      return Optional.empty();
    }
    try {
      Optional<ConsentDecision> decision = event.attrs().string("decision").flatMap(ConsentDecision::fromWireName);
      Optional<String> purpose = event.attrs().string("purpose");
      if (decision.isEmpty() || purpose.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(ConsentRecord.builder()
          .id(recordId(tenant, event.id()))
          .tenant(tenant)
          .subject(event.actor())
          .purpose(Purpose.of(purpose.get()))
          .decision(decision.get())
          .noticeVersion(event.attrs().string("noticeVersion"))
          .method(ConsentMethod.INTERCHANGE_EVENT)
          .recordedBy(INGEST)
          .at(event.at())
          .expiresAt(event.attrs().string("expiresAt").map(InterchangeConsent::instant))
          .sourceEvent(event.id())
          .build());
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(String text) {
    Instant at = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    if (at.isAfter(MAX_AT)) {
      throw new IllegalArgumentException("expiresAt beyond " + MAX_AT);
    }
    return at;
  }
}
