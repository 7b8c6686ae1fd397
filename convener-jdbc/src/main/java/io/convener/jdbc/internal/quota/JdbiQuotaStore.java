package io.convener.jdbc.internal.quota;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.QuotaStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Rate-limit buckets in the {@code quota_buckets} table. A swap is one short write transaction: a
 * portable insert-unless-present for a new bucket (a concurrent insert of the same bucket fails on
 * the primary key, is retried by {@link Database} and then finds the row, so it reports a lost
 * swap), or an update conditioned on the stored state being byte for byte the expected one. Reads
 * run in auto-commit. Thread-safe.
 */
final class JdbiQuotaStore implements QuotaStore {
  static final String SELECT = "SELECT state FROM quota_buckets WHERE tenant_id = :tenant AND bucket = :bucket";

  static final String INSERT_IF_ABSENT =
      """
      INSERT INTO quota_buckets (tenant_id, bucket, state, expires_at)
      SELECT :tenant, :bucket, :state, :expiresAt
      WHERE NOT EXISTS (SELECT 1 FROM quota_buckets WHERE tenant_id = :tenant AND bucket = :bucket)""";

  static final String SWAP =
      """
      UPDATE quota_buckets SET state = :state, expires_at = :expiresAt
      WHERE tenant_id = :tenant AND bucket = :bucket AND state = :expected""";

  static final String PURGE = "DELETE FROM quota_buckets WHERE tenant_id = :tenant AND expires_at <= :now";

  private final Database database;

  @Inject
  JdbiQuotaStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public Optional<byte[]> state(TenantId tenant, String bucket) {
    requireNonNull(tenant, "tenant");
    requireNonNull(bucket, "bucket");
    return database.read("read a quota bucket", tenant, handle -> handle.createQuery(SELECT)
        .bind("tenant", tenant.value()).bind("bucket", bucket).mapTo(byte[].class).findOne());
  }

  @Override
  public boolean compareAndSwap(TenantId tenant, String bucket, Optional<byte[]> expected, byte[] state,
      Instant expiresAt) {
    requireNonNull(tenant, "tenant");
    requireNonNull(bucket, "bucket");
    requireNonNull(expected, "expected");
    requireNonNull(state, "state");
    if (bucket.isEmpty() || bucket.length() > MAX_BUCKET) {
      throw new IllegalArgumentException("bucket must have 1 to " + MAX_BUCKET + " characters");
    }
    long expires = EpochNanos.of(requireNonNull(expiresAt, "expiresAt"), "expiresAt");
    return database.write("swap a quota bucket", tenant, handle -> {
      if (expected.isEmpty()) {
        return handle.createUpdate(INSERT_IF_ABSENT).bind("tenant", tenant.value()).bind("bucket", bucket)
            .bind("state", state).bind("expiresAt", expires).execute() == 1;
      }
      return handle.createUpdate(SWAP).bind("tenant", tenant.value()).bind("bucket", bucket).bind("state", state)
          .bind("expiresAt", expires).bind("expected", expected.get()).execute() == 1;
    });
  }

  @Override
  public long purgeExpired(TenantId tenant, Instant now) {
    requireNonNull(tenant, "tenant");
    long at = EpochNanos.of(requireNonNull(now, "now"), "now");
    return database.update("purge expired quota buckets", tenant, handle -> handle.createUpdate(PURGE)
        .bind("tenant", tenant.value()).bind("now", at).execute());
  }
}
