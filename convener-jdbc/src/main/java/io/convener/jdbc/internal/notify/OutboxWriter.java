package io.convener.jdbc.internal.notify;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.OutboxRow;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes outbox rows on a handle whose transaction the caller owns (the provenance append), so
 * the rows commit or roll back with it. Each row takes the recipient's next sequence; a row whose
 * key the recipient already has is skipped. Not API.
 */
public final class OutboxWriter {
  static final String NEXT_SEQ =
      "SELECT COALESCE(MAX(seq), 0) + 1 FROM notification_outbox WHERE tenant_id = :tenant AND recipient_id = :recipient";
  static final String HAS_KEY =
      "SELECT COUNT(*) FROM notification_outbox WHERE tenant_id = :tenant AND recipient_id = :recipient AND idem_key = :key";
  static final String INSERT =
      """
      INSERT INTO notification_outbox (tenant_id, recipient_id, seq, idem_key, kind, payload, digest_key, critical,
        created_at, caused_by, status, next_attempt_at, in_inbox, seen_at, read_at)
      VALUES (:tenant, :recipient, :seq, :key, :kind, :payload, :digest, :critical, :at, :cause, 'QUEUED', :at, 0, 0, 0)""";

  private OutboxWriter() {}

  /** Writes the rows, in recipient order so that concurrent writers lock keys in the same order. */
  public static void write(Handle handle, TenantId tenant, List<OutboxRow> rows) {
    rows.stream().sorted(Comparator.comparing(OutboxRow::recipient)).forEach(row -> {
      String recipient = row.recipient().value();
      long present = handle.createQuery(HAS_KEY).bind("tenant", tenant.value()).bind("recipient", recipient)
          .bind("key", row.key()).mapTo(Long.class).one();
      if (present > 0) {
        return;
      }
      long seq = handle.createQuery(NEXT_SEQ).bind("tenant", tenant.value()).bind("recipient", recipient)
          .mapTo(Long.class).one();
      handle.createUpdate(INSERT)
          .bind("tenant", tenant.value())
          .bind("recipient", recipient)
          .bind("seq", seq)
          .bind("key", row.key())
          .bind("kind", row.kind())
          .bind("payload", NotificationJson.payload(row.payload()))
          .bind("digest", row.digestKey())
          .bind("critical", row.critical() ? 1 : 0)
          .bind("at", EpochNanos.of(row.createdAt(), "createdAt"))
          .bind("cause", row.causedBy())
          .execute();
    });
  }
}
