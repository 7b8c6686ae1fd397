package io.convener.core.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupPart;
import io.convener.api.backup.TenantBackup;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.backup.PartFormat.Header;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.spi.storage.TenantSnapshots.Column;
import io.convener.spi.storage.TenantSnapshots.Rows;
import io.convener.spi.storage.TenantSnapshots.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * A backup file opened for a restore: its manifest, a full check of every part against it, and the
 * parts' rows for the load. Every problem is an {@link IntegrityException} with one line that says
 * what is wrong.
 */
final class BackupFile implements AutoCloseable {
  private final ZipFile zip;
  private final BackupManifest manifest;

  private BackupFile(ZipFile zip, BackupManifest manifest) {
    this.zip = zip;
    this.manifest = manifest;
  }

  static BackupFile open(Path file) {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new IntegrityException(file + " is not a Convener backup, or it was cut short: it is not a complete zip"
          + " file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open " + file, e);
    }
    try {
      ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
      if (entry == null) {
        throw new IntegrityException(file + " is not a Convener backup: it has no " + BackupManifest.ENTRY);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new BackupFile(zip, ManifestJson.read(in));
      }
    } catch (IOException | RuntimeException e) {
      try {
        zip.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw new IntegrityException("the backup is damaged: its manifest cannot be read (" + io.getMessage() + ")", io);
      }
      throw (RuntimeException) e;
    }
  }

  BackupManifest manifest() {
    return manifest;
  }

  /**
   * Reads every part through and checks it against the manifest: present, the right table and
   * tenant, every line a row of the header's columns, the row count and SHA-256 the manifest gives,
   * and, for the provenance log, leaf hashes in sequence whose Merkle root is the checkpoint's.
   *
   * @return each tenant's columns per table, for the load
   */
  Map<TenantId, Map<String, List<Column>>> check() {
    Map<TenantId, Map<String, List<Column>>> columns = new LinkedHashMap<>();
    manifest.tenants().forEach(t -> columns.put(t.tenant(), new LinkedHashMap<>()));
    for (BackupPart part : manifest.parts()) {
      Map<String, List<Column>> tables = columns.get(part.tenant());
      if (tables == null || tables.containsKey(part.table())) {
        throw new IntegrityException("the backup is damaged: part " + part.name() + " is not one its manifest lists once");
      }
      tables.put(part.table(), checkPart(part));
    }
    for (TenantBackup tenant : manifest.tenants()) {
      for (Map.Entry<String, Long> rows : tenant.rows().entrySet()) {
        boolean matched = manifest.parts().stream().anyMatch(p -> p.tenant().equals(tenant.tenant())
            && p.table().equals(rows.getKey()) && p.rows() == rows.getValue());
        if (!matched) {
          throw new IntegrityException("the backup is damaged: no part holds the " + rows.getValue() + " rows of table "
              + rows.getKey() + " of tenant " + tenant.tenant());
        }
      }
    }
    return columns;
  }

  private List<Column> checkPart(BackupPart part) {
    ZipEntry entry = zip.getEntry(part.name());
    if (entry == null) {
      throw new IntegrityException("the backup is damaged: part " + part.name() + " is missing");
    }
    MessageDigest digest = sha256();
    long rows = 0;
    Header header;
    try (InputStream raw = zip.getInputStream(entry);
        DigestInputStream in = new DigestInputStream(raw, digest);
        JsonParser parser = PartFormat.JSON.createParser(in)) {
      header = PartFormat.readHeader(parser, part.name());
      if (!header.table().equals(part.table())) {
        throw new IntegrityException("the backup is damaged: part " + part.name() + " holds table " + header.table());
      }
      LogCheck log = part.table().equals("provenance_entries") ? new LogCheck(header.columns(), part) : null;
      for (Object[] row = PartFormat.readRow(parser, header.columns(), part.name()); row != null;
          row = PartFormat.readRow(parser, header.columns(), part.name())) {
        if (log != null) {
          log.add(row, rows);
        }
        rows++;
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
      if (log != null) {
        log.check(manifest.tenant(part.tenant()).orElseThrow());
      }
    } catch (JsonProcessingException e) {
      throw new IntegrityException("the backup is damaged: part " + part.name() + " is not JSON lines ("
          + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new IntegrityException("the backup is damaged: part " + part.name() + " cannot be read (" + e.getMessage()
          + ")", e);
    }
    if (!HexFormat.of().formatHex(digest.digest()).equals(part.sha256())) {
      throw new IntegrityException("the backup is damaged: part " + part.name() + " does not match its SHA-256");
    }
    if (rows != part.rows()) {
      throw new IntegrityException("the backup is damaged: part " + part.name() + " holds " + rows + " rows, its"
          + " manifest says " + part.rows());
    }
    return header.columns();
  }

  /** The rows of a tenant's parts, as the load reads them. */
  Source source(TenantId tenant) {
    return (table, columns) -> {
      BackupPart part = manifest.parts().stream()
          .filter(p -> p.tenant().equals(tenant) && p.table().equals(table)).findFirst().orElseThrow();
      InputStream in = zip.getInputStream(Objects.requireNonNull(zip.getEntry(part.name())));
      JsonParser parser = PartFormat.JSON.createParser(in);
      PartFormat.readHeader(parser, part.name());
      return new Rows() {
        @Override
        public @Nullable Object @Nullable [] next() throws IOException {
          return PartFormat.readRow(parser, columns, part.name());
        }

        @Override
        public void close() throws IOException {
          parser.close();
          in.close();
        }
      };
    };
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The log's entries in sequence, and their leaf hashes' Merkle root against the checkpoint. */
  private static final class LogCheck {
    private final int seq;
    private final int leaf;
    private final BackupPart part;
    private final MerkleAccumulator tree = new MerkleAccumulator();

    LogCheck(List<Column> columns, BackupPart part) {
      List<String> names = columns.stream().map(Column::name).toList();
      this.seq = names.indexOf("seq");
      this.leaf = names.indexOf("leaf_hash");
      this.part = part;
      if (seq < 0 || leaf < 0) {
        throw new IntegrityException("the backup is damaged: part " + part.name() + " lacks the seq or leaf_hash column");
      }
    }

    void add(@Nullable Object[] row, long expected) {
      if (!Long.valueOf(expected).equals(row[seq]) || !(row[leaf] instanceof String hex)) {
        throw new IntegrityException("the backup is damaged: part " + part.name() + " lacks log entry " + expected);
      }
      try {
        tree.append(Sha256Hash.fromHex(hex).bytes());
      } catch (IllegalArgumentException e) {
        throw new IntegrityException("the backup is damaged: log entry " + expected + " has a malformed leaf hash");
      }
    }

    void check(TenantBackup tenant) {
      long size = tenant.checkpoint().map(Checkpoint::treeSize).orElse(0L);
      if (tree.size() != size) {
        throw new IntegrityException("the backup is damaged: it holds " + tree.size() + " log entries of tenant "
            + tenant.tenant() + ", its checkpoint commits to " + size);
      }
      if (size > 0 && !tree.rootHash().equals(tenant.checkpoint().orElseThrow().root())) {
        throw new IntegrityException("the backup is damaged: the log entries of tenant " + tenant.tenant()
            + " do not make the root hash of its checkpoint");
      }
    }
  }
}
