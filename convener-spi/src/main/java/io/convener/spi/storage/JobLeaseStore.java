package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases on each tenant's scheduled work, shared by every node on the store, so that each job runs
 * for each tenant once per period on one node, and a run whose node died is taken over once its
 * lease ends. A job of a tenant is due from its next-run instant (at once, the first time) until a
 * node completes a run; a claim takes it only while it is due and no live lease holds it. Rows of
 * one tenant are never visible to another. Implementations are thread-safe, make each method one
 * transaction, and throw {@link io.convener.api.StorageException} when the store fails.
 */
public interface JobLeaseStore {
  /** The longest job name. */
  int MAX_JOB = 64;

  /** The longest owner (node) id. */
  int MAX_OWNER = 64;

  /**
   * The registered tenants from {@code from} on (inclusive), in order of id: a cursor, so that a
   * scheduler can walk every tenant in pages. Returns ids only, never a row of a tenant's data.
   */
  List<TenantId> tenants(TenantId from, int limit);

  /**
   * Claims the tenant's run of {@code job} if it is due at {@code now} and no live lease holds it:
   * of concurrent claims on any node, at most one wins.
   *
   * @param owner the claiming node's id, 1 to {@value #MAX_OWNER} characters
   * @param lease how long the run may take before another node may take it over
   * @return the lease, or empty when the run is not due or another node holds it
   */
  Optional<JobLease> claim(TenantId tenant, String job, String owner, Instant now, Duration lease);

  /**
   * Ends a run: clears the lease and makes the job due again at {@code nextRun}, if the lease is
   * still the one claimed (not expired and taken over meanwhile).
   *
   * @return whether it was
   */
  boolean complete(TenantId tenant, JobLease lease, Instant ranAt, Instant nextRun);

  /** The instant the tenant's last run of {@code job} completed, if one did. */
  Optional<Instant> lastRun(TenantId tenant, String job);
}
