package io.convener.jdbc.internal.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.LeasedNotification;
import io.convener.spi.storage.StoredNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Leases on outbox rows, so that the relays of several nodes on one database deliver each message
 * once and each recipient's messages in order. A claim is one short transaction: it reads the due
 * rows of recipients that no other relay holds a live lease on, and sets owner, end of lease and a
 * raised version on each; delivery happens outside it; a release clears the lease only if the same
 * owner and version still hold it.
 *
 * <p>Claims of one tenant are serialised, so that two relays never split one recipient's rows: on
 * PostgreSQL by a transaction-scoped advisory lock on the tenant (the rows themselves are read
 * {@code FOR UPDATE SKIP LOCKED}, so a claim never waits for a row another relay is updating), and
 * lease times come from the database's clock, so that nodes' clocks need not agree; on SQLite by
 * the write lock every transaction takes at {@code BEGIN IMMEDIATE}, on H2 (one process) by the
 * store's write lock, both with the node's clock. Thread-safe.
 */
final class OutboxLeases {
  /** The first key of the advisory lock: Convener's outbox claims (the second is the tenant's hash). */
  static final int LOCK_CLASS = 0x436f6e76;
  static final String LOCK_TENANT_PG = "SELECT pg_advisory_xact_lock(:class, hashtext(:tenant))";
  static final String DB_NOW_PG = "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";
  static final String CLAIMABLE = "SELECT " + JdbiNotificationStore.MESSAGE_COLUMNS + ", lease_version"
      + " FROM notification_outbox o WHERE tenant_id = :tenant AND status IN ('QUEUED', 'SENT')"
      + " AND next_attempt_at <= :now AND (lease_until < :clock OR lease_owner = :owner)"
      + " AND NOT EXISTS (SELECT 1 FROM notification_outbox l WHERE l.tenant_id = :tenant"
      + " AND l.recipient_id = o.recipient_id AND l.lease_until >= :clock AND l.lease_owner <> :owner)"
      + " ORDER BY recipient_id, seq LIMIT :limit";
  static final String SKIP_LOCKED_PG = " FOR UPDATE SKIP LOCKED";
  static final String TAKE =
      """
      UPDATE notification_outbox SET lease_owner = :owner, lease_until = :until, lease_version = lease_version + 1
      WHERE tenant_id = :tenant AND recipient_id = :recipient AND seq = :seq AND lease_version = :version""";
  static final String RELEASE =
      """
      UPDATE notification_outbox SET lease_owner = '', lease_until = 0
      WHERE tenant_id = :tenant AND recipient_id = :recipient AND seq = :seq AND lease_owner = :owner
        AND lease_version = :version""";

  private final Database database;

  OutboxLeases(Database database) {
    this.database = requireNonNull(database, "database");
  }

  List<LeasedNotification> claim(TenantId tenant, String owner, Instant now, Duration lease, int limit) {
    requireNonNull(owner, "owner");
    if (owner.isEmpty() || owner.length() > 64) {
      throw new IllegalArgumentException("owner must be 1 to 64 characters, got " + owner.length());
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, got " + lease);
    }
    boolean pg = database.dialect() == Dialect.POSTGRESQL;
    return database.update("claim due notifications", tenant, h -> {
      long clock = pg ? lockAndClock(h, tenant) : EpochNanos.of(Instant.now(), "clock");
      List<StoredNotification> rows = new ArrayList<>();
      List<Long> versions = new ArrayList<>();
      h.createQuery(pg ? CLAIMABLE + SKIP_LOCKED_PG : CLAIMABLE)
          .bind("tenant", tenant.value()).bind("now", EpochNanos.of(now, "now")).bind("clock", clock)
          .bind("owner", owner).bind("limit", limit)
          .map((rs, ctx) -> {
            versions.add(rs.getLong(13));
            return JdbiNotificationStore.message(rs);
          })
          .forEach(rows::add);
      if (rows.isEmpty()) {
        return List.of();
      }
      long until = Math.addExact(clock, lease.toNanos());
      PreparedBatch take = h.prepareBatch(TAKE);
      for (int i = 0; i < rows.size(); i++) {
        take.bind("owner", owner).bind("until", until).bind("tenant", tenant.value())
            .bind("recipient", rows.get(i).recipient().value()).bind("seq", rows.get(i).sequence())
            .bind("version", versions.get(i)).add();
      }
      int[] taken = take.execute();
      List<LeasedNotification> claimed = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        // A batch may report SUCCESS_NO_INFO (-2) instead of a count; the claim is serialised per
        // tenant, so a row read above is never taken by another claim meanwhile.
        if (taken[i] != 0) {
          claimed.add(new LeasedNotification(rows.get(i), owner, versions.get(i) + 1));
        }
      }
      return List.copyOf(claimed);
    });
  }

  boolean release(TenantId tenant, LeasedNotification leased) {
    if (leased.owner().isEmpty()) {
      return true;
    }
    return database.update("release a notification lease", tenant, h -> h.createUpdate(RELEASE)
        .bind("tenant", tenant.value()).bind("recipient", leased.message().recipient().value())
        .bind("seq", leased.message().sequence()).bind("owner", leased.owner())
        .bind("version", leased.version()).execute() == 1);
  }

  /** Takes the tenant's claim lock and reads the database's clock, in nanoseconds (microsecond precision). */
  private static long lockAndClock(Handle h, TenantId tenant) {
    h.createQuery(LOCK_TENANT_PG).bind("class", LOCK_CLASS).bind("tenant", tenant.value())
        .map((rs, ctx) -> 1).one();
    return Math.multiplyExact(h.createQuery(DB_NOW_PG).mapTo(Long.class).one(), 1000L);
  }
}
