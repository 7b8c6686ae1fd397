/**
 * Backup and restore ({@link io.convener.api.backup.Backups}): the zip file format, its manifest,
 * the checks a restore makes before it writes, and the Guice module that binds the service.
 * Package-private implementation; only {@link io.convener.core.backup.BackupModule} is public.
 */
@NullMarked
package io.convener.core.backup;

import org.jspecify.annotations.NullMarked;
