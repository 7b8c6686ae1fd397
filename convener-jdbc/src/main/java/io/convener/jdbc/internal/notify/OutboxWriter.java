package io.convener.jdbc.internal.notify;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.OutboxRow;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Writes outbox rows on a handle whose transaction the caller owns (the provenance append), so
 * the rows commit or roll back with it. Each row takes the recipient's next sequence; a row whose
 * key the recipient already has (stored, or earlier in the same list) is skipped. The keys already
 * stored are read in one query per chunk of rows, not one per row: an action that declares many
 * notifications which were mostly sent before (a ranking's status messages) costs little. Not API.
 */
public final class OutboxWriter {
  static final String NEXT_SEQ =
      "SELECT COALESCE(MAX(seq), 0) + 1 FROM notification_outbox WHERE tenant_id = :tenant AND recipient_id = :recipient";
  static final String PRESENT_KEYS =
      "SELECT recipient_id, idem_key FROM notification_outbox WHERE tenant_id = :tenant AND recipient_id IN (%s)"
          + " AND idem_key IN (%s)";
  static final String INSERT =
      """
      INSERT INTO notification_outbox (tenant_id, recipient_id, seq, idem_key, kind, payload, digest_key, critical,
        created_at, caused_by, status, next_attempt_at, in_inbox, seen_at, read_at)
      VALUES (:tenant, :recipient, :seq, :key, :kind, :payload, :digest, :critical, :at, :cause, 'QUEUED', :at, 0, 0, 0)""";

  /** Rows whose stored keys one query reads; keeps the IN lists well inside every database's limits. */
  private static final int CHUNK = 500;

  private OutboxWriter() {}

  /** Writes the rows, in recipient order so that concurrent writers lock keys in the same order. */
  public static void write(Handle handle, TenantId tenant, List<OutboxRow> rows) {
    List<OutboxRow> sorted = rows.stream().sorted(Comparator.comparing(OutboxRow::recipient)).toList();
    for (int from = 0; from < sorted.size(); from += CHUNK) {
      List<OutboxRow> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
      Set<String> present = presentKeys(handle, tenant, chunk);
      for (OutboxRow row : chunk) {
        if (present.add(row.recipient().value() + '\n' + row.key())) {
          insert(handle, tenant, row);
        }
      }
    }
  }

  /** The recipient-and-key pairs of these rows that the tenant's outbox already holds. */
  private static Set<String> presentKeys(Handle handle, TenantId tenant, List<OutboxRow> rows) {
    List<String> recipients = rows.stream().map(r -> r.recipient().value()).distinct().toList();
    List<String> keys = rows.stream().map(OutboxRow::key).distinct().toList();
    Query query = handle.createQuery(String.format(Locale.ROOT, PRESENT_KEYS, names("r", recipients.size()),
        names("k", keys.size()))).bind("tenant", tenant.value());
    for (int i = 0; i < recipients.size(); i++) {
      query.bind("r" + i, recipients.get(i));
    }
    for (int i = 0; i < keys.size(); i++) {
      query.bind("k" + i, keys.get(i));
    }
    Set<String> present = new HashSet<>();
    query.map((rs, ctx) -> rs.getString(1) + '\n' + rs.getString(2)).forEach(present::add);
    return present;
  }

  /** {@code :p0, :p1, ...}: n named parameters. */
  private static String names(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> ":" + prefix + i).collect(Collectors.joining(", "));
  }

  private static void insert(Handle handle, TenantId tenant, OutboxRow row) {
    String recipient = row.recipient().value();
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
  }
}
