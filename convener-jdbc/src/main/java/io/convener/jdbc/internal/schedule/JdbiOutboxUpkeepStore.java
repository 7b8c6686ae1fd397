package io.convener.jdbc.internal.schedule;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.OutboxUpkeepStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox's backlog in one read, and its retention in one write transaction: first the channel deliveries of the messages to
 * delete (their foreign key points at the message), then the messages. A message is done when its
 * status is {@code DELIVERED} or {@code UNDELIVERED}; a leased or queued one is never touched. The
 * newest message of each recipient stays, because the next sequence number is the recipient's
 * highest plus one. Thread-safe.
 */
final class JdbiOutboxUpkeepStore implements OutboxUpkeepStore {
  static final String DELETE_DELIVERIES =
      """
      DELETE FROM notification_deliveries WHERE tenant_id = :tenant AND EXISTS (
        SELECT 1 FROM notification_outbox o WHERE o.tenant_id = :tenant
          AND o.recipient_id = notification_deliveries.recipient_id AND o.seq = notification_deliveries.seq
          AND o.status IN ('DELIVERED', 'UNDELIVERED') AND o.created_at < :before
          AND o.seq < (SELECT MAX(l.seq) FROM notification_outbox l WHERE l.tenant_id = :tenant
            AND l.recipient_id = o.recipient_id))""";

  static final String DELETE_MESSAGES =
      """
      DELETE FROM notification_outbox WHERE tenant_id = :tenant AND status IN ('DELIVERED', 'UNDELIVERED')
        AND created_at < :before
        AND seq < (SELECT MAX(l.seq) FROM notification_outbox l WHERE l.tenant_id = :tenant
          AND l.recipient_id = notification_outbox.recipient_id)""";

  static final String BACKLOG =
      """
      SELECT COUNT(*), MIN(created_at) FROM notification_outbox
      WHERE tenant_id = :tenant AND status IN ('QUEUED', 'SENT')""";

  private final Database database;

  @Inject
  JdbiOutboxUpkeepStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public Backlog backlog(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read the outbox backlog", tenant, h -> h.createQuery(BACKLOG).bind("tenant", tenant.value())
        .map((rs, ctx) -> {
          long count = rs.getLong(1);
          long oldest = rs.getLong(2);
          return count == 0 || rs.wasNull() ? Backlog.NONE : new Backlog(count, Optional.of(EpochNanos.toInstant(oldest)));
        }).one());
  }

  @Override
  public long purgeDone(TenantId tenant, Instant before) {
    requireNonNull(tenant, "tenant");
    long cutoff = EpochNanos.of(requireNonNull(before, "before"), "before");
    return database.update("purge delivered notifications", tenant, h -> {
      h.createUpdate(DELETE_DELIVERIES).bind("tenant", tenant.value()).bind("before", cutoff).execute();
      return (long) h.createUpdate(DELETE_MESSAGES).bind("tenant", tenant.value()).bind("before", cutoff).execute();
    });
  }
}
