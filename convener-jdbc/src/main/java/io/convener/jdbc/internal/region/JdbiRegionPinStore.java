package io.convener.jdbc.internal.region;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.RegionPinStore;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Pins in the {@code tenant_regions} table. {@link #pin} reads and, when the tenant has no pin,
 * inserts in one write transaction; two processes that pin one tenant at once collide on the
 * primary key, and the loser's retry reads the winner's pin. Thread-safe.
 */
final class JdbiRegionPinStore implements RegionPinStore {
  static final String FIND = "SELECT region FROM tenant_regions WHERE tenant_id = :tenant";
  static final String INSERT = "INSERT INTO tenant_regions (tenant_id, region) VALUES (:tenant, :region)";

  private final Database database;

  @Inject
  JdbiRegionPinStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public Optional<String> pinnedRegion(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("find region pin", tenant,
        handle -> handle.createQuery(FIND).bind("tenant", tenant.value()).mapTo(String.class).findOne());
  }

  @Override
  public String pin(TenantId tenant, String region) {
    requireNonNull(tenant, "tenant");
    requireNonNull(region, "region");
    if (region.isEmpty() || region.length() > 64) {
      throw new IllegalArgumentException("region must be 1 to 64 characters, got " + region.length());
    }
    return database.write("pin tenant to region", tenant, handle -> {
      Optional<String> pinned =
          handle.createQuery(FIND).bind("tenant", tenant.value()).mapTo(String.class).findOne();
      if (pinned.isPresent()) {
        return pinned.get();
      }
      handle.createUpdate(INSERT).bind("tenant", tenant.value()).bind("region", region).execute();
      return region;
    });
  }
}
