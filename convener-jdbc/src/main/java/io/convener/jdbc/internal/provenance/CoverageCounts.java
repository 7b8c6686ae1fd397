package io.convener.jdbc.internal.provenance;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.StoredRows;

/**
 * The counts of the coverage check of verification ({@code ProvenanceStore.storedRows}): the
 * tenant's events, members and outbox messages, and the outbox messages whose {@code caused_by}
 * names no stored entry, in one statement, so that they are one consistent reading. Stateless.
 */
final class CoverageCounts {
  /** The counts of the coverage check, in one statement. */
  static final String STORED_ROWS =
      """
      SELECT (SELECT COUNT(*) FROM events WHERE tenant_id = :tenant),
        (SELECT COUNT(*) FROM members WHERE tenant_id = :tenant),
        (SELECT COUNT(*) FROM notification_outbox WHERE tenant_id = :tenant),
        (SELECT COUNT(*) FROM notification_outbox o WHERE o.tenant_id = :tenant AND NOT EXISTS
          (SELECT 1 FROM provenance_entries p WHERE p.tenant_id = :tenant AND p.seq = o.caused_by))""";
  private CoverageCounts() {}

  static StoredRows count(Database database, TenantId tenant) {
    return database.read("count the rows the provenance log accounts for", tenant, handle ->
        handle.createQuery(STORED_ROWS).bind("tenant", tenant.value())
            .map((rs, ctx) -> new StoredRows(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .one());
  }
}
