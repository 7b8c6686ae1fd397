package io.convener.testing.storage;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import java.time.Instant;

/** Consent records for the consent store contract. */
final class ConsentData {
  private ConsentData() {}

  /** A grant through the API at {@code ContractData.at(seconds)}, with only the required fields. */
  static ConsentRecord record(
      TenantId tenant, String id, String subject, Purpose purpose, ConsentDecision decision, long seconds) {
    return ConsentRecord.builder()
        .id(ConsentRecordId.of(id))
        .tenant(tenant)
        .subject(MemberId.of(subject))
        .purpose(purpose)
        .decision(decision)
        .method(ConsentMethod.API)
        .recordedBy(subject)
        .at(ContractData.at(seconds))
        .build();
  }

  /** A grant. */
  static ConsentRecord grant(TenantId tenant, String id, String subject, Purpose purpose, long seconds) {
    return record(tenant, id, subject, purpose, ConsentDecision.GRANTED, seconds);
  }

  /** A revocation. */
  static ConsentRecord revoke(TenantId tenant, String id, String subject, Purpose purpose, long seconds) {
    return record(tenant, id, subject, purpose, ConsentDecision.REVOKED, seconds);
  }

  /** A grant with every field set: unicode, nanosecond instants, expiry, source event. */
  static ConsentRecord fullGrant(TenantId tenant, String id, String subject) {
    return ConsentRecord.builder()
        .id(ConsentRecordId.of(id))
        .tenant(tenant)
        .subject(MemberId.of(subject))
        .purpose(Purpose.of("host.analytics-v2"))
        .decision(ConsentDecision.GRANTED)
        .noticeVersion("Hinweis 2026-01 « Ω » 山田 \"quoted\"")
        .method(ConsentMethod.INTERCHANGE_EVENT)
        .recordedBy("ingest")
        .at(ContractData.T0)
        .expiresAt(Instant.parse("2250-12-31T23:59:59.999999999Z"))
        .sourceEvent(EventId.of("évènement-consent-1"))
        .build();
  }
}
