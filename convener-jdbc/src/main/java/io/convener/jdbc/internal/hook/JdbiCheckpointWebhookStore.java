package io.convener.jdbc.internal.hook;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.CheckpointWebhookRow;
import io.convener.spi.storage.CheckpointWebhookStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoint webhooks in the {@code checkpoint_webhooks} table; every statement binds the tenant.
 * Adding counts the tenant's rows and inserts in one write transaction. Thread-safe.
 */
final class JdbiCheckpointWebhookStore implements CheckpointWebhookStore {
  static final String COLUMNS = "webhook_id, url, sealed_secret, delivered_at_ms, delivered_size, failures,"
      + " next_attempt_at, created_at, created_by";

  static final String COUNT = "SELECT COUNT(*) FROM checkpoint_webhooks WHERE tenant_id = :tenant";

  static final String INSERT =
      """
      INSERT INTO checkpoint_webhooks (tenant_id, webhook_id, url, sealed_secret, delivered_at_ms, delivered_size,
        failures, next_attempt_at, created_at, created_by)
      VALUES (:tenant, :id, :url, :secret, :atMs, :size, :failures, :next, :created, :by)""";

  static final String LIST = "SELECT " + COLUMNS
      + " FROM checkpoint_webhooks WHERE tenant_id = :tenant ORDER BY created_at, webhook_id";

  static final String FIND = "SELECT " + COLUMNS
      + " FROM checkpoint_webhooks WHERE tenant_id = :tenant AND webhook_id = :id";

  static final String DELETE = "DELETE FROM checkpoint_webhooks WHERE tenant_id = :tenant AND webhook_id = :id";

  static final String RECORD =
      """
      UPDATE checkpoint_webhooks SET delivered_at_ms = :atMs, delivered_size = :size, failures = :failures,
        next_attempt_at = :next
      WHERE tenant_id = :tenant AND webhook_id = :id""";

  private final Database database;

  @Inject
  JdbiCheckpointWebhookStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public void add(TenantId tenant, CheckpointWebhookRow row) {
    requireNonNull(tenant, "tenant");
    CheckpointWebhook hook = requireNonNull(row, "row").hook();
    database.write("add a checkpoint webhook", tenant, h -> {
      long count = h.createQuery(COUNT).bind("tenant", tenant.value()).mapTo(Long.class).one();
      if (count >= MAX_PER_TENANT) {
        throw new IllegalArgumentException("url: the tenant has " + MAX_PER_TENANT + " checkpoint webhooks already");
      }
      if (h.createQuery(FIND).bind("tenant", tenant.value()).bind("id", hook.id()).mapToMap().findOne().isPresent()) {
        throw new IllegalArgumentException("id: the webhook " + hook.id() + " exists already");
      }
      return h.createUpdate(INSERT).bind("tenant", tenant.value()).bind("id", hook.id())
          .bind("url", hook.url().toString()).bind("secret", row.sealedSecret())
          .bind("atMs", hook.delivered().signedAt().toEpochMilli()).bind("size", hook.delivered().treeSize())
          .bind("failures", hook.failures()).bind("next", EpochNanos.of(hook.nextAttemptAt(), "nextAttemptAt"))
          .bind("created", EpochNanos.of(hook.createdAt(), "createdAt")).bind("by", hook.createdBy()).execute();
    });
  }

  @Override
  public List<CheckpointWebhookRow> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("list checkpoint webhooks", tenant,
        h -> h.createQuery(LIST).bind("tenant", tenant.value()).map((rs, ctx) -> row(rs)).list());
  }

  @Override
  public Optional<CheckpointWebhookRow> find(TenantId tenant, String id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return database.read("read a checkpoint webhook", tenant, h -> h.createQuery(FIND)
        .bind("tenant", tenant.value()).bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  @Override
  public boolean remove(TenantId tenant, String id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return database.write("remove a checkpoint webhook", tenant,
        h -> h.createUpdate(DELETE).bind("tenant", tenant.value()).bind("id", id).execute() > 0);
  }

  @Override
  public boolean record(TenantId tenant, String id, CheckpointCursor delivered, int failures, Instant nextAttemptAt) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(delivered, "delivered");
    long next = EpochNanos.of(requireNonNull(nextAttemptAt, "nextAttemptAt"), "nextAttemptAt");
    return database.write("record a checkpoint webhook delivery", tenant, h -> h.createUpdate(RECORD)
        .bind("atMs", delivered.signedAt().toEpochMilli()).bind("size", delivered.treeSize())
        .bind("failures", failures).bind("next", next).bind("tenant", tenant.value()).bind("id", id)
        .execute() > 0);
  }

  private static CheckpointWebhookRow row(ResultSet rs) throws SQLException {
    CheckpointWebhook hook = new CheckpointWebhook(rs.getString(1), URI.create(rs.getString(2)),
        new CheckpointCursor(Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5)), rs.getInt(6),
        EpochNanos.toInstant(rs.getLong(7)), EpochNanos.toInstant(rs.getLong(8)), rs.getString(9));
    return new CheckpointWebhookRow(hook, rs.getString(3));
  }
}
