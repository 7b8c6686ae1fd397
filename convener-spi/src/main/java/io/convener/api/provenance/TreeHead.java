package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a {@link Checkpoint} signs: a tenant's tree size and root hash at a moment. Its {@link
 * #noteText()} is the body of a C2SP {@code tlog-checkpoint}: the origin line {@code
 * convener/<tenant>}, the size in decimal, the root hash in base64, and one extension line {@code
 * timestamp <ISO-8601 instant>}, each ending in a newline. Immutable and thread-safe.
 *
 * @param tenant the tenant whose log this is
 * @param treeSize the number of entries in the log
 * @param root the RFC 9162 root hash of those entries
 * @param timestamp when the head was taken, kept to the millisecond (finer parts are dropped)
 */
public record TreeHead(TenantId tenant, long treeSize, Sha256Hash root, Instant timestamp) {
  /** What every origin line starts with; the tenant id follows. */
  public static final String ORIGIN_PREFIX = "convener/";

  /** The prefix of the timestamp extension line. */
  static final String TIMESTAMP_PREFIX = "timestamp ";

  /**
   * Validates and truncates the timestamp to milliseconds.
   *
   * @throws IllegalArgumentException if {@code treeSize} is negative
   */
  public TreeHead {
    requireNonNull(tenant, "tenant");
    requireNonNull(root, "root");
    requireNonNull(timestamp, "timestamp");
    if (treeSize < 0) {
      throw new IllegalArgumentException("treeSize must be >= 0, got " + treeSize);
    }
    timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The origin line without its newline: {@code convener/<tenant>}. */
  public String origin() {
    return ORIGIN_PREFIX + tenant.value();
  }

  /**
   * The checkpoint body, exactly the text that is signed: four lines, each ending in {@code \n}.
   *
   * <pre>{@code
   * convener/acme
   * 8
   * XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
   * timestamp 2026-11-02T09:00:00.125Z
   * }</pre>
   */
  public String noteText() {
    return origin() + '\n' + treeSize + '\n' + root.base64() + '\n' + TIMESTAMP_PREFIX + timestamp + '\n';
  }
}
