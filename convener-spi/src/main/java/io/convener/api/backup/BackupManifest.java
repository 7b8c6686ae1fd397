package io.convener.api.backup;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The manifest of a backup file ({@code manifest.json}): what it holds and how to check it.
 *
 * @param formatVersion the file format's version; {@link Backups#FORMAT_VERSION} for files this
 *     runtime writes
 * @param schemaVersion the store's schema version when the backup was made; a store restores
 *     files of its own schema version or earlier
 * @param createdAt when the backup was made
 * @param source the database the backup was made from, such as {@code SQLITE}; informative
 * @param tenants the tenants it holds, in the order written
 * @param parts its parts, in the order written
 */
public record BackupManifest(
    int formatVersion, int schemaVersion, Instant createdAt, String source, List<TenantBackup> tenants,
    List<BackupPart> parts) {
  /** The {@code format} value that marks a Convener backup's manifest. */
  public static final String FORMAT = "convener-backup";

  /** The name of the manifest's entry in the zip file. */
  public static final String ENTRY = "manifest.json";

  /** Validates and copies. */
  public BackupManifest {
    requireNonNull(createdAt, "createdAt");
    requireNonNull(source, "source");
    tenants = List.copyOf(tenants);
    parts = List.copyOf(parts);
    if (formatVersion < 1) {
      throw new IllegalArgumentException("formatVersion must be positive: " + formatVersion);
    }
  }

  /** What the backup holds of {@code tenant}, if it holds the tenant. */
  public Optional<TenantBackup> tenant(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return tenants.stream().filter(t -> t.tenant().equals(tenant)).findFirst();
  }
}
