package io.convener.api.backup;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a backup holds of one tenant.
 *
 * @param tenant the tenant
 * @param rows rows per table, in the order the tables are restored; every backed-up table is
 *     listed, with 0 when the tenant has no rows in it
 * @param checkpoint a checkpoint of the tenant's provenance log as of the snapshot, signed with the
 *     tenant's key; empty when the log has no entries
 * @param keyEncryptionKeyIds the ids of the tenant's key-encryption keys that wrap the data keys
 *     in the backup: the key provider a restore runs with must hold them
 */
public record TenantBackup(
    TenantId tenant, Map<String, Long> rows, Optional<Checkpoint> checkpoint, Set<Integer> keyEncryptionKeyIds) {
  /** Validates and copies, keeping the order of {@code rows}. */
  public TenantBackup {
    requireNonNull(tenant, "tenant");
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rows, "rows")));
    requireNonNull(checkpoint, "checkpoint");
    keyEncryptionKeyIds = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(keyEncryptionKeyIds, "keyEncryptionKeyIds")));
    checkpoint.ifPresent(c -> {
      if (!c.tenant().equals(tenant)) {
        throw new IllegalArgumentException("the checkpoint is of tenant " + c.tenant() + ", not " + tenant);
      }
    });
  }

  /** The rows of {@code table}; 0 when the table holds none of the tenant's or is not backed up. */
  public long rows(String table) {
    return rows.getOrDefault(table, 0L);
  }
}
