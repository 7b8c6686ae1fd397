package io.convener.api.backup;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.VerificationResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a restore did.
 *
 * @param manifest the manifest of the file restored
 * @param tenants each restored tenant, in the file's order
 */
public record RestoreReport(BackupManifest manifest, List<Restored> tenants) {
  /** Copies. */
  public RestoreReport {
    requireNonNull(manifest, "manifest");
    tenants = List.copyOf(tenants);
  }

  /**
   * One restored tenant.
   *
   * @param tenant the tenant
   * @param rows rows written per table
   * @param checkpoint the backup's checkpoint of the tenant's log, which the restored log extends
   * @param verification the verification of the restored log against that checkpoint (always
   *     verified: a restore whose log fails is undone and throws)
   */
  public record Restored(
      TenantId tenant, Map<String, Long> rows, Optional<Checkpoint> checkpoint, VerificationResult verification) {
    /** Validates and copies. */
    public Restored {
      requireNonNull(tenant, "tenant");
      rows = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rows, "rows")));
      requireNonNull(checkpoint, "checkpoint");
      requireNonNull(verification, "verification");
    }

    /** The rows written to {@code table}; 0 when none. */
    public long rows(String table) {
      return rows.getOrDefault(table, 0L);
    }
  }
}
