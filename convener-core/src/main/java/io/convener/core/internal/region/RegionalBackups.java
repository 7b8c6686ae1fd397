package io.convener.core.internal.region;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.Backups;
import io.convener.api.backup.RestoreReport;
import io.convener.api.backup.TenantBackup;
import io.convener.core.internal.region.RegionalConvener.Region;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Backups over several regions: a backup or restore goes to the region of its tenants, which must
 * all be in one region, so that a backup file never mixes the data of two regions. A backup of all
 * tenants names no region and is refused: back up each region's database on its own.
 */
final class RegionalBackups implements Backups {
  private final RegionRouter router;

  RegionalBackups(RegionRouter router) {
    this.router = requireNonNull(router, "router");
  }

  @Override
  public BackupManifest write(BackupRequest request, OutputStream out) {
    return region(request).convener().backups().write(request, out);
  }

  @Override
  public BackupManifest write(BackupRequest request, Path file) {
    return region(request).convener().backups().write(request, file);
  }

  @Override
  public BackupManifest manifest(Path file) {
    return router.regions().get(0).convener().backups().manifest(file);
  }

  @Override
  public BackupManifest verify(Path file) {
    return region(manifest(file)).convener().backups().verify(file);
  }

  @Override
  public RestoreReport restore(Path file) {
    return region(manifest(file)).convener().backups().restore(file);
  }

  private Region region(BackupRequest request) {
    if (request.all()) {
      throw new IllegalArgumentException("with regions, a backup names its tenants: back up all tenants of one"
          + " region's database with that database alone (--db)");
    }
    return region(request.tenants());
  }

  private Region region(BackupManifest manifest) {
    return region(manifest.tenants().stream().map(TenantBackup::tenant).toList());
  }

  private Region region(List<TenantId> tenants) {
    if (tenants.isEmpty()) {
      return router.regions().get(0);
    }
    Set<String> names = new TreeSet<>();
    tenants.forEach(t -> names.add(router.route(t).name()));
    if (names.size() > 1) {
      throw new IllegalArgumentException("the tenants " + tenants.stream().map(TenantId::value)
          .collect(Collectors.joining(", ")) + " live in the regions " + String.join(" and ", names)
          + ": back up or restore the tenants of one region at a time");
    }
    return router.route(tenants.get(0));
  }
}
