package io.convener.jdbc.internal.idempotency;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.IdempotencyRow;
import io.convener.spi.storage.IdempotencyStore;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Idempotency keys in the {@code idempotency_keys} table. A claim is one write transaction: a
 * portable insert-unless-present of the running row, whose primary key lets one claim win (a
 * concurrent insert of the same key on PostgreSQL waits for the winner, fails on the unique index
 * and is retried whole by {@link Database}, and then finds the winner's row); then, when the row
 * found is another claim's and has expired or is stale, an update that takes it over only if it is
 * still that claim's (compare and set on {@code claim_id}), so of two nodes taking one stale row
 * over, one wins. Thread-safe.
 */
final class JdbiIdempotencyStore implements IdempotencyStore {
  static final String INSERT_IF_ABSENT =
      """
      INSERT INTO idempotency_keys (tenant_id, scope, fingerprint, claim_id, claimed_at, expires_at)
      SELECT :tenant, :scope, :fingerprint, :claim, :claimedAt, :expiresAt
      WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE tenant_id = :tenant AND scope = :scope)""";

  static final String SELECT =
      """
      SELECT scope, fingerprint, claim_id, claimed_at, expires_at, sealed
      FROM idempotency_keys WHERE tenant_id = :tenant AND scope = :scope""";

  static final String TAKE_OVER =
      """
      UPDATE idempotency_keys
      SET fingerprint = :fingerprint, claim_id = :claim, claimed_at = :claimedAt, expires_at = :expiresAt, sealed = NULL
      WHERE tenant_id = :tenant AND scope = :scope AND claim_id = :old""";

  static final String KEEP =
      """
      UPDATE idempotency_keys SET sealed = :sealed
      WHERE tenant_id = :tenant AND scope = :scope AND claim_id = :claim AND sealed IS NULL""";

  static final String RELEASE =
      "DELETE FROM idempotency_keys WHERE tenant_id = :tenant AND scope = :scope AND claim_id = :claim";

  static final String PURGE = "DELETE FROM idempotency_keys WHERE tenant_id = :tenant AND expires_at <= :now";

  private final Database database;

  @Inject
  JdbiIdempotencyStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public IdempotencyRow claim(TenantId tenant, IdempotencyRow claim, Instant staleBefore) {
    requireNonNull(tenant, "tenant");
    requireNonNull(claim, "claim");
    long stale = EpochNanos.of(requireNonNull(staleBefore, "staleBefore"), "staleBefore");
    if (!claim.running()) {
      throw new IllegalArgumentException("a claim is a running row, without a kept result");
    }
    long now = EpochNanos.of(claim.claimedAt(), "claimedAt");
    return database.write("claim an idempotency key", tenant, handle -> {
      handle.createUpdate(INSERT_IF_ABSENT).bind("tenant", tenant.value()).bind("scope", claim.scope())
          .bind("fingerprint", claim.fingerprint()).bind("claim", claim.claimId()).bind("claimedAt", now)
          .bind("expiresAt", EpochNanos.of(claim.expiresAt(), "expiresAt")).execute();
      IdempotencyRow found = select(handle, tenant, claim.scope());
      if (found.claimId().equals(claim.claimId())) {
        return found;
      }
      boolean expired = EpochNanos.of(found.expiresAt(), "expiresAt") <= now;
      boolean staleRun = found.running() && EpochNanos.of(found.claimedAt(), "claimedAt") <= stale;
      if (!expired && !staleRun) {
        return found;
      }
      handle.createUpdate(TAKE_OVER).bind("tenant", tenant.value()).bind("scope", claim.scope())
          .bind("fingerprint", claim.fingerprint()).bind("claim", claim.claimId()).bind("claimedAt", now)
          .bind("expiresAt", EpochNanos.of(claim.expiresAt(), "expiresAt")).bind("old", found.claimId())
          .execute();
      return select(handle, tenant, claim.scope());
    });
  }

  @Override
  public boolean keep(TenantId tenant, String scope, String claimId, byte[] sealed) {
    requireNonNull(tenant, "tenant");
    requireNonNull(sealed, "sealed");
    return database.update("keep an idempotent result", tenant, handle -> handle.createUpdate(KEEP)
        .bind("tenant", tenant.value()).bind("scope", requireNonNull(scope, "scope"))
        .bind("claim", requireNonNull(claimId, "claimId")).bind("sealed", sealed).execute()) > 0;
  }

  @Override
  public boolean release(TenantId tenant, String scope, String claimId) {
    requireNonNull(tenant, "tenant");
    return database.update("release an idempotency key", tenant, handle -> handle.createUpdate(RELEASE)
        .bind("tenant", tenant.value()).bind("scope", requireNonNull(scope, "scope"))
        .bind("claim", requireNonNull(claimId, "claimId")).execute()) > 0;
  }

  @Override
  public long purgeExpired(TenantId tenant, Instant now) {
    requireNonNull(tenant, "tenant");
    long at = EpochNanos.of(requireNonNull(now, "now"), "now");
    return database.update("purge expired idempotency keys", tenant, handle -> handle.createUpdate(PURGE)
        .bind("tenant", tenant.value()).bind("now", at).execute());
  }

  private static IdempotencyRow select(Handle handle, TenantId tenant, String scope) {
    return handle.createQuery(SELECT).bind("tenant", tenant.value()).bind("scope", scope)
        .map((rs, ctx) -> row(rs)).one();
  }

  private static IdempotencyRow row(ResultSet rs) throws SQLException {
    byte[] sealed = rs.getBytes(6);
    return new IdempotencyRow(rs.getString(1), rs.getString(2), rs.getString(3),
        EpochNanos.toInstant(rs.getLong(4)), EpochNanos.toInstant(rs.getLong(5)), Optional.ofNullable(sealed));
  }
}
