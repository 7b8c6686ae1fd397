package io.convener.core.backup;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.convener.api.IntegrityException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupPart;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.Backups;
import io.convener.api.backup.RestoreReport;
import io.convener.api.backup.TenantBackup;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.api.provenance.TreeHead;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.core.internal.provenance.SigningKey;
import io.convener.spi.storage.TenantSnapshots;
import io.convener.spi.storage.TenantSnapshots.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The default {@link Backups} on the JDBC store: snapshots come from {@link TenantSnapshots}, each
 * tenant's checkpoint is signed with its own key, and a restore checks the file ({@link
 * BackupFile}) and the keys ({@link RestoreKeys}) before it writes, then verifies each restored log
 * through the {@link ProvenanceLog}, as a compliance officer, which records the verification in the
 * restored log. Thread-safe.
 */
final class DefaultBackups implements Backups {
  /** The subject that verifies a restored log; its entry is the first one after the backup's. */
  static final String RESTORE_SUBJECT = "convener-restore";
  private static final int TENANT_PAGE = 500;

  private final TenantSnapshots snapshots;
  private final CheckpointKeys checkpointKeys;
  private final RestoreKeys keys;
  private final ProvenanceLog provenance;
  private final Clock clock;

  @Inject
  DefaultBackups(TenantSnapshots snapshots, CheckpointKeys checkpointKeys, RestoreKeys keys, ProvenanceLog provenance) {
    this(snapshots, checkpointKeys, keys, provenance, Clock.systemUTC());
  }

  DefaultBackups(TenantSnapshots snapshots, CheckpointKeys checkpointKeys, RestoreKeys keys, ProvenanceLog provenance,
      Clock clock) {
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.checkpointKeys = requireNonNull(checkpointKeys, "checkpointKeys");
    this.keys = requireNonNull(keys, "keys");
    this.provenance = requireNonNull(provenance, "provenance");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public BackupManifest write(BackupRequest request, OutputStream out) {
    requireNonNull(request, "request");
    requireNonNull(out, "out");
    List<TenantId> tenants = request.all() ? allTenants() : request.tenants();
    for (TenantId tenant : tenants) {
      if (!snapshots.holds(tenant)) {
        throw new IllegalArgumentException("the store holds no tenant '" + tenant + "'");
      }
    }
    int schema = tenants.isEmpty() ? 0 : snapshots.schemaVersion(tenants.get(0));
    List<TenantBackup> backedUp = new ArrayList<>();
    List<BackupPart> parts = new ArrayList<>();
    try {
      ZipOutputStream zip = new ZipOutputStream(new Unclosed(out));
      zip.setLevel(Deflater.BEST_SPEED);
      for (TenantId tenant : tenants) {
        BackupWriter writer = new BackupWriter(zip, tenant);
        snapshots.read(tenant, writer);
        writer.finish();
        Optional<Checkpoint> checkpoint = writer.head().map(h -> sign(tenant, h));
        backedUp.add(new TenantBackup(tenant, writer.rows(), checkpoint, writer.keyEncryptionKeyIds()));
        parts.addAll(writer.parts());
      }
      BackupManifest manifest = new BackupManifest(FORMAT_VERSION, schema, clock.instant(),
          snapshots.dialect(), backedUp, parts);
      zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
      zip.write(ManifestJson.write(manifest));
      zip.closeEntry();
      zip.finish();
      zip.flush();
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the backup", e);
    }
  }

  private Checkpoint sign(TenantId tenant, BackupWriter.Head head) {
    SigningKey key = checkpointKeys.signingKey(tenant);
    return CheckpointSigner.sign(new TreeHead(tenant, head.size(), head.root(), clock.instant()), key.name(), key.keys());
  }

  private List<TenantId> allTenants() {
    List<TenantId> all = new ArrayList<>();
    String from = "";
    while (true) {
      List<TenantId> page = snapshots.tenants(from, TENANT_PAGE);
      for (TenantId t : page) {
        if (all.isEmpty() || !all.get(all.size() - 1).equals(t)) {
          all.add(t);
        }
      }
      if (page.size() < TENANT_PAGE) {
        return all;
      }
      from = page.get(page.size() - 1).value();
    }
  }

  @Override
  public BackupManifest write(BackupRequest request, Path file) {
    requireNonNull(file, "file");
    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      BackupManifest manifest;
      try (OutputStream out = Files.newOutputStream(partial)) {
        manifest = write(request, out);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the backup " + file, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // Only a leftover temporary file; the failure that matters is already on its way.
      }
    }
  }

  @Override
  public BackupManifest manifest(Path file) {
    try (BackupFile backup = BackupFile.open(requireNonNull(file, "file"))) {
      return backup.manifest();
    }
  }

  @Override
  public BackupManifest verify(Path file) {
    try (BackupFile backup = BackupFile.open(requireNonNull(file, "file"))) {
      checkBeforeWriting(backup);
      return backup.manifest();
    }
  }

  private Map<TenantId, Map<String, List<Column>>> checkBeforeWriting(BackupFile backup) {
    BackupManifest manifest = backup.manifest();
    if (!manifest.tenants().isEmpty()) {
      int here = snapshots.schemaVersion(manifest.tenants().get(0).tenant());
      if (manifest.schemaVersion() > here) {
        throw new IntegrityException("the backup was made from schema version " + manifest.schemaVersion()
            + ", newer than this store's (" + here + "): restore it with the Convener version that made it, or a newer one");
      }
    }
    Map<TenantId, Map<String, List<Column>>> columns = backup.check();
    manifest.tenants().forEach(keys::check);
    return columns;
  }

  @Override
  public RestoreReport restore(Path file) {
    try (BackupFile backup = BackupFile.open(requireNonNull(file, "file"))) {
      Map<TenantId, Map<String, List<Column>>> columns = checkBeforeWriting(backup);
      for (TenantBackup t : backup.manifest().tenants()) {
        if (snapshots.holds(t.tenant())) {
          throw new IllegalStateException("this store already holds tenant '" + t.tenant() + "': a restore never"
              + " overwrites a tenant; restore into another store, or remove the tenant first");
        }
      }
      List<TenantId> loaded = new ArrayList<>();
      try {
        List<RestoreReport.Restored> restored = new ArrayList<>();
        for (TenantBackup t : backup.manifest().tenants()) {
          if (!load(t.tenant(), columns.get(t.tenant()), backup)) {
            throw new IllegalStateException("tenant '" + t.tenant() + "' appeared in this store during the restore");
          }
          loaded.add(t.tenant());
          restored.add(new RestoreReport.Restored(t.tenant(), t.rows(), t.checkpoint(), verifyRestored(t)));
        }
        return new RestoreReport(backup.manifest(), restored);
      } catch (RuntimeException e) {
        for (TenantId t : loaded) {
          try {
            snapshots.remove(t);
          } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }
  }

  /** Loads a tenant; a row the store refuses (another tenant's, a column it lacks) means a damaged file. */
  private boolean load(TenantId tenant, Map<String, List<Column>> columns, BackupFile backup) {
    try {
      return snapshots.load(tenant, columns, backup.source(tenant));
    } catch (IllegalArgumentException e) {
      throw new IntegrityException("the backup is damaged: " + e.getMessage() + "; nothing was restored", e);
    }
  }

  private VerificationResult verifyRestored(TenantBackup tenant) {
    Principal verifier = Principal.of(tenant.tenant(), RESTORE_SUBJECT, Role.COMPLIANCE_OFFICER);
    VerificationResult result = tenant.checkpoint().isPresent()
        ? provenance.verify(verifier, tenant.checkpoint().get())
        : provenance.verify(verifier);
    if (!result.verified()) {
      throw new IntegrityException("the restored provenance log of tenant " + tenant.tenant() + " does not verify: "
          + result.reason().orElse("no reason given") + "; nothing was restored");
    }
    return result;
  }
}
