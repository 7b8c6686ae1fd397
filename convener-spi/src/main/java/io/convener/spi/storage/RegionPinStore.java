package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.util.Optional;

/**
 * The data-residency pin of each tenant in this database: the name of the region the tenant's
 * data lives in. A deployment with several regions keeps one database per region and pins a
 * tenant in the database of its region on first use, so that a later configuration that assigns
 * the tenant elsewhere is refused instead of splitting the tenant across two databases. A pin,
 * once written, is never changed by this interface. Implementations are thread-safe.
 */
public interface RegionPinStore {
  /** The region the tenant is pinned to in this database, if it is pinned here. */
  Optional<String> pinnedRegion(TenantId tenant);

  /**
   * Pins the tenant to {@code region} in this database, registering the tenant, unless it is
   * pinned here already.
   *
   * @param region the region's name, 1 to 64 characters
   * @return the region the tenant is pinned to now: {@code region}, or the one pinned earlier,
   *     which the caller must compare
   */
  String pin(TenantId tenant, String region);
}
