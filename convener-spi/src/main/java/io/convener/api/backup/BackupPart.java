package io.convener.api.backup;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;

/**
 * One part of a backup file: the rows of one table of one tenant, as JSON lines.
 *
 * @param name the zip entry name
 * @param tenant the tenant whose rows it holds
 * @param table the table the rows come from and go back to
 * @param rows how many rows (lines) it holds
 * @param sha256 the SHA-256 of its uncompressed bytes, 64 lower-case hex digits
 */
public record BackupPart(String name, TenantId tenant, String table, long rows, String sha256) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when {@code rows} is negative or the digest is not 64 hex digits
   */
  public BackupPart {
    requireNonNull(name, "name");
    requireNonNull(tenant, "tenant");
    requireNonNull(table, "table");
    requireNonNull(sha256, "sha256");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }
}
