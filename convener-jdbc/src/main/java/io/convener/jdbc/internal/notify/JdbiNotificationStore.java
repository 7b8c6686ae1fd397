package io.convener.jdbc.internal.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.DeliveryStatus;
import io.convener.api.notify.NotificationPreferences;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.ChannelDelivery;
import io.convener.spi.storage.LeasedNotification;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.StoredNotification;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in the {@code notification_*} tables. Messages are inserted by {@link OutboxWriter}
 * inside the provenance append; everything here reads or updates them. A save of a delivery or of
 * preferences deletes the old row and inserts the new one in one transaction (common SQL, no upsert
 * dialects). Relays claim and release rows through {@link OutboxLeases}. Thread-safe.
 */
final class JdbiNotificationStore implements NotificationStore {
  static final String MESSAGE_COLUMNS = "recipient_id, seq, idem_key, kind, payload, digest_key, critical, created_at,"
      + " caused_by, status, next_attempt_at, in_inbox";
  // The one read across tenants: tenant ids only, from a cursor, for a relay that restarts.
  static final String PENDING_TENANTS =
      """
      SELECT DISTINCT tenant_id FROM notification_outbox WHERE tenant_id >= :tenant AND status IN ('QUEUED', 'SENT')
      ORDER BY tenant_id LIMIT :limit""";
  static final String DUE = "SELECT " + MESSAGE_COLUMNS + " FROM notification_outbox WHERE tenant_id = :tenant"
      + " AND status IN ('QUEUED', 'SENT') AND next_attempt_at <= :now ORDER BY recipient_id, seq LIMIT :limit";
  static final String FIND = "SELECT " + MESSAGE_COLUMNS + " FROM notification_outbox WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND seq = :seq";
  static final String INBOX = "SELECT " + MESSAGE_COLUMNS + " FROM notification_outbox WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND seq > :after AND in_inbox = 1 ORDER BY seq LIMIT :limit";
  static final String DIGEST = "SELECT " + MESSAGE_COLUMNS + " FROM notification_outbox WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND digest_key = :digest AND created_at >= :from AND created_at < :until"
      + " ORDER BY seq";
  static final String DELIVERIES = "SELECT recipient_id, seq, channel, status, attempts, next_attempt_at, updated_at, note"
      + " FROM notification_deliveries WHERE tenant_id = :tenant AND recipient_id = :recipient AND seq = :seq"
      + " ORDER BY channel";
  static final String DELETE_DELIVERY = "DELETE FROM notification_deliveries WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND seq = :seq AND channel = :channel";
  static final String INSERT_DELIVERY =
      """
      INSERT INTO notification_deliveries (tenant_id, recipient_id, seq, channel, status, attempts, next_attempt_at,
        updated_at, note)
      VALUES (:tenant, :recipient, :seq, :channel, :status, :attempts, :next, :updated, :note)""";
  static final String UPDATE_MESSAGE =
      """
      UPDATE notification_outbox SET status = :status, next_attempt_at = :next, in_inbox = :inbox
      WHERE tenant_id = :tenant AND recipient_id = :recipient AND seq = :seq""";
  static final String INSERT_DEAD =
      """
      INSERT INTO notification_dead_letters (tenant_id, recipient_id, seq, channel, attempts, at, note)
      SELECT :tenant, :recipient, :seq, :channel, :attempts, :at, :note
      WHERE NOT EXISTS (SELECT 1 FROM notification_dead_letters WHERE tenant_id = :tenant
        AND recipient_id = :recipient AND seq = :seq AND channel = :channel)""";
  static final String DEAD =
      """
      SELECT recipient_id, seq, channel, attempts, at, note FROM notification_dead_letters
      WHERE tenant_id = :tenant ORDER BY at, recipient_id, seq LIMIT :limit""";
  static final String DELIVERED_SINCE = "SELECT COUNT(*) FROM notification_deliveries WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND channel = :channel AND status = 'DELIVERED' AND updated_at >= :since";
  static final String MARK_SEEN = "UPDATE notification_outbox SET seen_at = :at WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND seq = :seq AND seen_at = 0";
  static final String MARK_READ = "UPDATE notification_outbox SET read_at = :at WHERE tenant_id = :tenant"
      + " AND recipient_id = :recipient AND seq = :seq AND read_at = 0";
  static final String FIND_PREFS =
      "SELECT prefs FROM notification_preferences WHERE tenant_id = :tenant AND recipient_id = :recipient";
  static final String DELETE_PREFS =
      "DELETE FROM notification_preferences WHERE tenant_id = :tenant AND recipient_id = :recipient";
  static final String INSERT_PREFS =
      "INSERT INTO notification_preferences (tenant_id, recipient_id, prefs) VALUES (:tenant, :recipient, :prefs)";

  private final Database database;
  private final OutboxLeases leases;

  @Inject
  JdbiNotificationStore(Database database) {
    this.database = requireNonNull(database, "database");
    this.leases = new OutboxLeases(database);
  }

  @Override
  public List<LeasedNotification> claim(TenantId tenant, String owner, Instant now, Duration lease, int limit) {
    return leases.claim(tenant, owner, now, lease, limit);
  }

  @Override
  public boolean release(TenantId tenant, LeasedNotification leased) {
    return leases.release(tenant, leased);
  }

  @Override
  public List<TenantId> pendingTenants(TenantId from, int limit) {
    return database.read("list tenants with pending notifications", from, h -> h.createQuery(PENDING_TENANTS)
        .bind("tenant", from.value()).bind("limit", limit)
        .map((rs, ctx) -> TenantId.of(rs.getString(1))).list());
  }

  @Override
  public List<StoredNotification> due(TenantId tenant, Instant now, int limit) {
    return database.read("list due notifications", tenant, h -> h.createQuery(DUE)
        .bind("tenant", tenant.value()).bind("now", EpochNanos.of(now, "now")).bind("limit", limit)
        .map((rs, ctx) -> message(rs)).list());
  }

  @Override
  public Optional<StoredNotification> find(TenantId tenant, MemberId recipient, long sequence) {
    return database.read("find a notification", tenant, h -> h.createQuery(FIND)
        .bind("tenant", tenant.value()).bind("recipient", recipient.value()).bind("seq", sequence)
        .map((rs, ctx) -> message(rs)).findOne());
  }

  @Override
  public List<StoredNotification> inbox(TenantId tenant, MemberId recipient, long after, int limit) {
    return database.read("read an inbox", tenant, h -> h.createQuery(INBOX)
        .bind("tenant", tenant.value()).bind("recipient", recipient.value()).bind("after", after)
        .bind("limit", limit).map((rs, ctx) -> message(rs)).list());
  }

  @Override
  public List<StoredNotification> digestWindow(TenantId tenant, MemberId recipient, String digestKey, Instant from,
      Instant until) {
    return database.read("read a digest window", tenant, h -> h.createQuery(DIGEST)
        .bind("tenant", tenant.value()).bind("recipient", recipient.value()).bind("digest", digestKey)
        .bind("from", EpochNanos.of(from, "from")).bind("until", EpochNanos.of(until, "until"))
        .map((rs, ctx) -> message(rs)).list());
  }

  @Override
  public List<ChannelDelivery> deliveries(TenantId tenant, MemberId recipient, long sequence) {
    return database.read("read notification deliveries", tenant, h -> h.createQuery(DELIVERIES)
        .bind("tenant", tenant.value()).bind("recipient", recipient.value()).bind("seq", sequence)
        .map((rs, ctx) -> new ChannelDelivery(MemberId.of(rs.getString(1)), rs.getLong(2), rs.getString(3),
            DeliveryStatus.valueOf(rs.getString(4)), rs.getInt(5), EpochNanos.toInstant(rs.getLong(6)),
            EpochNanos.toInstant(rs.getLong(7)), rs.getString(8)))
        .list());
  }

  @Override
  public void saveDelivery(TenantId tenant, ChannelDelivery d) {
    database.update("save a notification delivery", tenant, h -> {
      h.createUpdate(DELETE_DELIVERY).bind("tenant", tenant.value()).bind("recipient", d.recipient().value())
          .bind("seq", d.sequence()).bind("channel", d.channel()).execute();
      return h.createUpdate(INSERT_DELIVERY).bind("tenant", tenant.value()).bind("recipient", d.recipient().value())
          .bind("seq", d.sequence()).bind("channel", d.channel()).bind("status", d.status().name())
          .bind("attempts", d.attempts()).bind("next", EpochNanos.of(d.nextAttemptAt(), "nextAttemptAt"))
          .bind("updated", EpochNanos.of(d.updatedAt(), "updatedAt")).bind("note", note(d.note())).execute();
    });
  }

  @Override
  public boolean updateMessage(TenantId tenant, MemberId recipient, long sequence, DeliveryStatus status,
      Instant nextAttemptAt, boolean inInbox) {
    return database.update("update a notification", tenant, h -> h.createUpdate(UPDATE_MESSAGE)
        .bind("tenant", tenant.value()).bind("status", status.name())
        .bind("next", EpochNanos.of(nextAttemptAt, "nextAttemptAt")).bind("inbox", inInbox ? 1 : 0)
        .bind("recipient", recipient.value()).bind("seq", sequence).execute() == 1);
  }

  @Override
  public void deadLetter(TenantId tenant, ChannelDelivery d) {
    database.update("keep a dead letter", tenant, h -> h.createUpdate(INSERT_DEAD)
        .bind("tenant", tenant.value()).bind("recipient", d.recipient().value()).bind("seq", d.sequence())
        .bind("channel", d.channel()).bind("attempts", d.attempts())
        .bind("at", EpochNanos.of(d.updatedAt(), "updatedAt")).bind("note", note(d.note())).execute());
  }

  @Override
  public List<ChannelDelivery> deadLetters(TenantId tenant, int limit) {
    return database.read("list dead letters", tenant, h -> h.createQuery(DEAD)
        .bind("tenant", tenant.value()).bind("limit", limit)
        .map((rs, ctx) -> {
          Instant at = EpochNanos.toInstant(rs.getLong(5));
          return new ChannelDelivery(MemberId.of(rs.getString(1)), rs.getLong(2), rs.getString(3),
              DeliveryStatus.UNDELIVERED, rs.getInt(4), at, at, rs.getString(6));
        })
        .list());
  }

  @Override
  public int deliveredSince(TenantId tenant, MemberId recipient, String channel, Instant since) {
    return database.read("count recent deliveries", tenant, h -> h.createQuery(DELIVERED_SINCE)
        .bind("tenant", tenant.value()).bind("recipient", recipient.value()).bind("channel", channel)
        .bind("since", EpochNanos.of(since, "since")).mapTo(Integer.class).one());
  }

  @Override
  public boolean markEngagement(TenantId tenant, MemberId recipient, long sequence, String mark, Instant at) {
    String sql = switch (mark) {
      case "seen" -> MARK_SEEN;
      case "read" -> MARK_READ;
      default -> throw new IllegalArgumentException("mark must be seen or read, got " + mark);
    };
    return database.update("mark a notification " + mark, tenant, h -> h.createUpdate(sql)
        .bind("at", EpochNanos.of(at, "at")).bind("tenant", tenant.value()).bind("recipient", recipient.value())
        .bind("seq", sequence).execute() == 1);
  }

  @Override
  public Optional<NotificationPreferences> preferences(TenantId tenant, MemberId recipient) {
    return database.read("read notification preferences", tenant, h -> h.createQuery(FIND_PREFS)
        .bind("tenant", tenant.value()).bind("recipient", recipient.value()).mapTo(String.class).findOne())
        .map(NotificationJson::preferences);
  }

  @Override
  public void savePreferences(TenantId tenant, MemberId recipient, NotificationPreferences preferences) {
    String json = NotificationJson.preferences(preferences);
    database.write("save notification preferences", tenant, h -> {
      h.createUpdate(DELETE_PREFS).bind("tenant", tenant.value()).bind("recipient", recipient.value()).execute();
      return h.createUpdate(INSERT_PREFS).bind("tenant", tenant.value()).bind("recipient", recipient.value())
          .bind("prefs", json).execute();
    });
  }

  static StoredNotification message(ResultSet rs) throws SQLException {
    return new StoredNotification(MemberId.of(rs.getString(1)), rs.getLong(2), rs.getString(4), rs.getString(3),
        NotificationJson.payload(rs.getString(5)), rs.getString(6), rs.getInt(7) == 1,
        EpochNanos.toInstant(rs.getLong(8)), rs.getLong(9), DeliveryStatus.valueOf(rs.getString(10)),
        EpochNanos.toInstant(rs.getLong(11)), rs.getInt(12) == 1);
  }

  private static String note(String note) {
    return note.length() <= 200 ? note : note.substring(0, 200);
  }
}
