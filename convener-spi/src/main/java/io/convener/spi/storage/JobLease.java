package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

/**
 * A run of one tenant's job that a node claimed ({@link JobLeaseStore#claim}). Immutable.
 *
 * @param job the job's name
 * @param owner the node that holds the lease
 * @param version the lease's version; {@link JobLeaseStore#complete} matches it, so that a node
 *     whose lease expired and was taken over cannot complete the new run
 */
public record JobLease(String job, String owner, long version) {
  /** Validates. */
  public JobLease {
    requireNonNull(job, "job");
    requireNonNull(owner, "owner");
  }
}
