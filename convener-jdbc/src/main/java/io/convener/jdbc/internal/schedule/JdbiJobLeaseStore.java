package io.convener.jdbc.internal.schedule;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.JobLease;
import io.convener.spi.storage.JobLeaseStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Job leases in the {@code job_leases} table, one row per tenant and job. A claim is one write
 * transaction: a portable insert-unless-present of a due, free row (a concurrent insert on
 * PostgreSQL fails on the primary key and is retried whole by {@link Database}), then one
 * conditional update that takes the lease only while the row is due and its lease has ended; the
 * database's row lock makes that update a compare-and-set, so of two nodes one wins (PostgreSQL
 * re-checks the condition after waiting for the other's lock; SQLite and H2 serialise writes). The
 * callers' clocks decide what is due and when leases end, so nodes' clocks must agree to well
 * within a lease (NTP). Thread-safe.
 */
final class JdbiJobLeaseStore implements JobLeaseStore {
  static final String TENANTS =
      "SELECT DISTINCT tenant_id FROM tenants WHERE tenant_id >= :tenant ORDER BY tenant_id LIMIT :limit";

  static final String INSERT_IF_ABSENT =
      """
      INSERT INTO job_leases (tenant_id, job, next_run_at, last_run_at, lease_owner, lease_until, lease_version)
      SELECT :tenant, :job, 0, 0, '', 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM job_leases WHERE tenant_id = :tenant AND job = :job)""";

  static final String TAKE =
      """
      UPDATE job_leases SET lease_owner = :owner, lease_until = :until, lease_version = lease_version + 1
      WHERE tenant_id = :tenant AND job = :job AND next_run_at <= :now AND lease_until < :now""";

  static final String VERSION =
      "SELECT lease_version FROM job_leases WHERE tenant_id = :tenant AND job = :job AND lease_owner = :owner";

  static final String COMPLETE =
      """
      UPDATE job_leases SET lease_owner = '', lease_until = 0, last_run_at = :ran, next_run_at = :next
      WHERE tenant_id = :tenant AND job = :job AND lease_owner = :owner AND lease_version = :version""";

  static final String LAST_RUN = "SELECT last_run_at FROM job_leases WHERE tenant_id = :tenant AND job = :job";

  private final Database database;

  @Inject
  JdbiJobLeaseStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public List<TenantId> tenants(TenantId from, int limit) {
    requireNonNull(from, "from");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return database.read("list tenants", from, h -> h.createQuery(TENANTS).bind("tenant", from.value())
        .bind("limit", limit).map((rs, ctx) -> TenantId.of(rs.getString(1))).list());
  }

  @Override
  public Optional<JobLease> claim(TenantId tenant, String job, String owner, Instant now, Duration lease) {
    requireNonNull(tenant, "tenant");
    checkName(job, "job", MAX_JOB);
    checkName(owner, "owner", MAX_OWNER);
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, got " + lease);
    }
    long at = EpochNanos.of(requireNonNull(now, "now"), "now");
    long until = EpochNanos.of(now.plus(lease), "lease end");
    return database.write("claim a scheduled run", tenant, h -> {
      h.createUpdate(INSERT_IF_ABSENT).bind("tenant", tenant.value()).bind("job", job).execute();
      int taken = h.createUpdate(TAKE).bind("owner", owner).bind("until", until).bind("tenant", tenant.value())
          .bind("job", job).bind("now", at).execute();
      if (taken == 0) {
        return Optional.<JobLease>empty();
      }
      long version = h.createQuery(VERSION).bind("tenant", tenant.value()).bind("job", job).bind("owner", owner)
          .mapTo(Long.class).one();
      return Optional.of(new JobLease(job, owner, version));
    });
  }

  @Override
  public boolean complete(TenantId tenant, JobLease lease, Instant ranAt, Instant nextRun) {
    requireNonNull(tenant, "tenant");
    requireNonNull(lease, "lease");
    long ran = EpochNanos.of(requireNonNull(ranAt, "ranAt"), "ranAt");
    long next = EpochNanos.of(requireNonNull(nextRun, "nextRun"), "nextRun");
    return database.update("complete a scheduled run", tenant, h -> h.createUpdate(COMPLETE)
        .bind("ran", ran).bind("next", next).bind("tenant", tenant.value()).bind("job", lease.job())
        .bind("owner", lease.owner()).bind("version", lease.version()).execute()) == 1;
  }

  @Override
  public Optional<Instant> lastRun(TenantId tenant, String job) {
    requireNonNull(tenant, "tenant");
    requireNonNull(job, "job");
    return database.read("read the last scheduled run", tenant, h -> h.createQuery(LAST_RUN)
        .bind("tenant", tenant.value()).bind("job", job).mapTo(Long.class).findOne())
        .filter(nanos -> nanos != 0L)
        .map(EpochNanos::toInstant);
  }

  private static void checkName(String name, String what, int max) {
    requireNonNull(name, what);
    if (name.isEmpty() || name.length() > max) {
      throw new IllegalArgumentException(what + " must be 1 to " + max + " characters, got " + name.length());
    }
  }
}
