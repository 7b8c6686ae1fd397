package io.convener.jdbc.internal.consent;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.jdbc.internal.db.EpochNanos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Column encoding of consent records: binds a record's history row, and maps a row back. */
final class ConsentRows {
  /** The columns {@link #map} reads, in order, for a SELECT from {@code consent_records} or {@code consent_current}. */
  static final String COLUMNS =
      "record_id, subject, purpose, decision, notice_version, method, recorded_by, at, expires_at, source_event";

  private ConsentRows() {}

  /** Binds every column of the history row but {@code tenant}. */
  static PreparedBatch bindRecord(PreparedBatch batch, ConsentRecord r, long seq) {
    return bindColumns(batch.bind("seq", seq), r);
  }

  /** Binds the record's {@link #COLUMNS}, as named parameters; the projection's row has exactly these. */
  static PreparedBatch bindColumns(PreparedBatch batch, ConsentRecord r) {
    return batch
        .bind("id", r.id().value())
        .bind("subject", r.subject().value())
        .bind("purpose", r.purpose().name())
        .bind("decision", r.decision().wireName())
        .bind("notice", r.noticeVersion().orElse(null))
        .bind("method", r.method().wireName())
        .bind("recordedBy", r.recordedBy())
        .bind("at", EpochNanos.of(r.at(), "at"))
        .bind("expiresAt", r.expiresAt().map(e -> EpochNanos.of(e, "expiresAt")).orElse(null))
        .bind("sourceEvent", r.sourceEvent().map(EventId::value).orElse(null));
  }

  /** Maps a row of {@link #COLUMNS}, optionally prefixed by a table alias, to a record of {@code tenant}. */
  static ConsentRecord map(TenantId tenant, ResultSet rs) throws SQLException {
    try {
      long expires = rs.getLong(9);
      Optional<Long> expiresAt = rs.wasNull() ? Optional.empty() : Optional.of(expires);
      return ConsentRecord.builder()
          .id(ConsentRecordId.of(rs.getString(1)))
          .tenant(tenant)
          .subject(MemberId.of(rs.getString(2)))
          .purpose(Purpose.of(rs.getString(3)))
          .decision(ConsentDecision.fromWireName(rs.getString(4))
              .orElseThrow(() -> new IllegalArgumentException("unknown decision")))
          .noticeVersion(Optional.ofNullable(rs.getString(5)))
          .method(ConsentMethod.fromWireName(rs.getString(6))
              .orElseThrow(() -> new IllegalArgumentException("unknown method")))
          .recordedBy(rs.getString(7))
          .at(EpochNanos.toInstant(rs.getLong(8)))
          .expiresAt(expiresAt.map(EpochNanos::toInstant))
          .sourceEvent(Optional.ofNullable(rs.getString(10)).map(EventId::of))
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StorageException("a stored consent record of tenant '" + tenant + "' is not one Convener wrote", e);
    }
  }
}
