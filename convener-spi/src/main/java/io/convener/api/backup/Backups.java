package io.convener.api.backup;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Backs up tenants of a store and restores them, into the same database or another one (H2,
 * SQLite, PostgreSQL): the documented way to move a tenant to PostgreSQL or to another region.
 *
 * <p><b>Backup.</b> Each tenant is read in one read-only transaction (repeatable read or
 * serializable, whichever gives the database's snapshot), so the backup is consistent while the
 * store keeps serving writers, and is streamed with constant memory into a zip file: one
 * compressed JSON-lines part per tenant and table, then {@code manifest.json}. The manifest holds
 * the format version, the schema version, each tenant's row counts per table, a signed checkpoint
 * of the tenant's provenance log as of the snapshot, the ids of the key-encryption keys that wrap
 * the tenant's data keys, and the SHA-256 of every part. Personal data stays as ciphertext; the
 * wrapped data keys travel in the backup, the key-encryption keys never do.
 *
 * <p><b>Restore.</b> Checks the whole file before writing: format and version, every part's
 * digest and row count, the checkpoint's signature and that the stored leaf hashes of the log make
 * its root, and that the key provider holds the keys the tenant needs. Then each tenant is loaded in
 * one transaction, and its provenance log is verified against the checkpoint; a tenant whose log
 * does not verify is removed again. A file that fails any check leaves the store as it was.
 *
 * <p>Thread-safe. The caller owns the streams and files it passes.
 */
public interface Backups {
  /** The format version this runtime writes, and the newest it restores. */
  int FORMAT_VERSION = 1;

  /**
   * Writes a backup of the requested tenants to {@code out}, which is not closed.
   *
   * @throws IllegalArgumentException when a requested tenant is not in the store
   * @throws io.convener.api.StorageException when the store fails
   * @throws java.io.UncheckedIOException when {@code out} fails
   */
  BackupManifest write(BackupRequest request, OutputStream out);

  /**
   * Writes a backup of the requested tenants to {@code file}: first to a temporary file beside
   * it, which is then moved over {@code file}, so that {@code file} is either the complete backup
   * or untouched.
   *
   * @throws IllegalArgumentException when a requested tenant is not in the store
   * @throws io.convener.api.StorageException when the store fails
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  BackupManifest write(BackupRequest request, Path file);

  /**
   * Reads only the manifest of a backup file: what it holds, without checking the parts.
   *
   * @throws io.convener.api.IntegrityException when it is not a Convener backup, is of a newer
   *     format, or its manifest cannot be read
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  BackupManifest manifest(Path file);

  /**
   * Reads a backup file through and checks it as {@link #restore} does before writing (format,
   * version, digests, row counts, checkpoint signatures, log roots), without touching the store.
   *
   * @throws io.convener.api.IntegrityException naming what is wrong: not a Convener backup, a
   *     newer format, a truncated or damaged file, a checkpoint that does not verify
   * @throws IllegalStateException when the key provider lacks a key the file needs, naming it
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  BackupManifest verify(Path file);

  /**
   * Restores every tenant of a backup file into this store.
   *
   * @throws io.convener.api.IntegrityException as {@link #verify}, or when a restored log does not
   *     verify against its checkpoint; nothing is left in the store then
   * @throws IllegalStateException when the store already holds one of the file's tenants, or the
   *     key provider lacks a key the file needs (the message names the keys); nothing is written
   * @throws io.convener.api.StorageException when the store fails; nothing is left in the store
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  RestoreReport restore(Path file);
}
