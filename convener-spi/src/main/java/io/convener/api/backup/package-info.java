/**
 * Backup and restore of a store, tenant by tenant: {@link io.convener.api.backup.Backups} writes a
 * compressed, self-describing file (a {@link io.convener.api.backup.BackupManifest} with row counts,
 * part digests and each tenant's signed log checkpoint) from a consistent snapshot taken while the
 * store keeps serving, and restores such a file into any supported database, refusing damaged,
 * truncated, foreign or newer files before it writes anything. These are the operator's tools: they
 * act on the store, not as a tenant's principal, and no HTTP route reaches them.
 */
@NullMarked
package io.convener.api.backup;

import org.jspecify.annotations.NullMarked;
