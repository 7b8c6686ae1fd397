package io.convener.core.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of keyset files, one per tenant, named {@code <tenant id in lower case>-<first 8
 * hex digits of SHA-256 of the exact tenant id>.json}, so that tenants whose ids differ only in case
 * get different files on case-insensitive file systems too.
 *
 * <p>Where the file system is POSIX, the directory is created owner-only ({@code rwx------}) and
 * every file owner-only ({@code rw-------}); elsewhere the files inherit the directory's access
 * rules, which the host must restrict. Files are written whole and atomically: to a temporary file
 * in the same directory, forced to disk, then moved over the old file, so a crash leaves the old or
 * the new keyset, never a torn one. Changes take the lock file {@value #LOCK_FILE}, so that
 * processes sharing the directory change keys one at a time. Thread-safe.
 */
final class KeysetDirectory {
  static final String LOCK_FILE = ".convener-keys.lock";

  private static final Logger LOG = LoggerFactory.getLogger(KeysetDirectory.class);
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

  private final Path directory;
  private final boolean posix;

  KeysetDirectory(Path directory) {
    this.directory = requireNonNull(directory, "directory").toAbsolutePath().normalize();
    this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Where the keyset files live. */
  Path path() {
    return directory;
  }

  /**
   * What identifies one written version of a file: each write replaces the file by another, so its
   * file key (the inode, where the file system has one), time or size changes.
   */
  record Stamp(@Nullable Object fileKey, FileTime modified, long size) {}

  /** A keyset as read, with the stamp of the file it was read from. */
  record Loaded(Keyset keyset, Stamp stamp) {}

  /** The file of a tenant's keyset. */
  Path file(TenantId tenant) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(tenant.value().getBytes(UTF_8));
      return directory.resolve(
          tenant.value().toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(hash, 0, 4) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The stamp of the tenant's file, or empty when it has none. */
  Optional<Stamp> stamp(TenantId tenant) {
    try {
      BasicFileAttributes a = Files.readAttributes(file(tenant), BasicFileAttributes.class);
      return Optional.of(new Stamp(a.fileKey(), a.lastModifiedTime(), a.size()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("could not read the keyset file of tenant '" + tenant + "' in " + directory, e);
    }
  }

  /**
   * The tenant's keyset as its file holds it now, or empty when it has no file.
   *
   * @throws io.convener.api.IntegrityException when the file is not a valid keyset of the tenant
   */
  Optional<Loaded> read(TenantId tenant) {
    Path file = file(tenant);
    for (int attempt = 0; ; attempt++) {
      Optional<Stamp> before = stamp(tenant);
      if (before.isEmpty()) {
        return Optional.empty();
      }
      byte[] json;
      try {
        json = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new StorageException("could not read the keyset file " + file, e);
      }
      // A writer in another process may have replaced the file between the stamp and the read.
      if (before.equals(stamp(tenant)) || attempt >= 3) {
        warnIfOpen(file);
        return Optional.of(new Loaded(KeysetJson.read(tenant, json, file.toString()), before.get()));
      }
    }
  }

  /**
   * Writes the tenant's keyset atomically, creating the directory first if needed.
   *
   * @return the stamp of the new file
   */
  Stamp write(Keyset keyset) {
    createDirectory();
    Path file = file(keyset.tenant());
    Path temporary = null;
    try {
      temporary = posix
          ? Files.createTempFile(directory, ".keyset-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
          : Files.createTempFile(directory, ".keyset-", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(KeysetJson.write(keyset));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      forceDirectory();
    } catch (IOException e) {
      throw new StorageException("could not write the keyset file " + file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          LOG.warn("could not delete the temporary keyset file {}", temporary, e);
        }
      }
    }
    return stamp(keyset.tenant()).orElseThrow(() -> new StorageException(
        "the keyset file " + file + " vanished right after it was written", new NoSuchFileException(file.toString())));
  }

  /**
   * Runs {@code change} holding the directory's lock file, which processes sharing the directory
   * take in turn; waits up to 30 seconds for it.
   */
  <T> T locked(Supplier<T> change) {
    createDirectory();
    Path lockFile = directory.resolve(LOCK_FILE);
    long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          // Another provider in this JVM holds it.
          lock = null;
        }
        if (lock != null) {
          try {
            return change.get();
          } finally {
            lock.release();
          }
        }
        if (System.nanoTime() > deadline) {
          throw new StorageException("could not lock the key directory " + directory + " within " + LOCK_TIMEOUT,
              new IOException("lock file " + lockFile + " is held"));
        }
        Thread.sleep(10);
      }
    } catch (IOException e) {
      throw new StorageException("could not lock the key directory " + directory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for the key directory " + directory, new IOException(e));
    }
  }

  private void createDirectory() {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Path parent = directory.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileAttribute<?>[] attributes = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
          : new FileAttribute<?>[0];
      Files.createDirectory(directory, attributes);
      LOG.info("Created the key directory {}", directory);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw new StorageException("the key directory " + directory + " is a file", e);
      }
    } catch (IOException e) {
      throw new StorageException("could not create the key directory " + directory, e);
    }
  }

  /** Makes the move durable where the platform can force a directory (POSIX); elsewhere does nothing. */
  private void forceDirectory() {
    if (!posix) {
      return;
    }
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("could not force the key directory {} to disk", directory, e);
    }
  }

  private void warnIfOpen(Path file) {
    if (!posix) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY_FILE.containsAll(permissions)) {
        LOG.warn("The keyset file {} is readable by others ({}): restrict it to its owner (chmod 600)",
            file, PosixFilePermissions.toString(permissions));
      }
    } catch (IOException e) {
      LOG.debug("could not read the permissions of {}", file, e);
    }
  }
}
