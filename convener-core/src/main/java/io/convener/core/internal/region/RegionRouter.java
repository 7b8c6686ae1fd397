package io.convener.core.internal.region;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.core.internal.region.RegionalConvener.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the region of a tenant and keeps the tenant there. A tenant's region is the one the
 * configuration assigns it to, or, without an assignment, the one whose database holds its pin. On
 * a tenant's first call in this process every region's database is asked whether it holds the
 * tenant (its pin, or any registered row); a tenant found in a region other than its own is refused
 * with a {@link StorageException} that names both, and otherwise pinned in its region's database.
 * The answer is kept for the life of the process. Thread-safe.
 */
final class RegionRouter {
  private final Map<String, Region> regions;
  private final Map<TenantId, String> assignments;
  private final List<Region> order;
  private final Map<TenantId, Region> routed = new ConcurrentHashMap<>();

  /**
   * A router over the regions.
   *
   * @param regions the regions in the order they are asked
   * @param assignments each assigned tenant's region; every region named must be in {@code regions}
   * @throws IllegalArgumentException when an assignment names an unknown region
   */
  RegionRouter(List<Region> regions, Map<TenantId, String> assignments) {
    Map<String, Region> byName = new LinkedHashMap<>();
    for (Region r : regions) {
      if (byName.put(r.name(), r) != null) {
        throw new IllegalArgumentException("region '" + r.name() + "' is given twice");
      }
    }
    assignments.forEach((tenant, region) -> {
      if (!byName.containsKey(region)) {
        throw new IllegalArgumentException("tenant '" + tenant.value() + "' is assigned to region '" + region
            + "', which is not configured (regions: " + String.join(", ", new TreeSet<>(byName.keySet())) + ")");
      }
    });
    this.regions = Map.copyOf(byName);
    this.assignments = Map.copyOf(assignments);
    this.order = List.copyOf(byName.values());
  }

  /** Every region, in configuration order. */
  List<Region> regions() {
    return order;
  }

  /**
   * The region of the tenant, pinned there on first use.
   *
   * @throws StorageException when the tenant has no region, or its data is in another region's
   *     database than the one it is assigned to
   */
  Region route(TenantId tenant) {
    Region known = routed.get(tenant);
    if (known != null) {
      return known;
    }
    Region resolved = resolve(tenant);
    Region previous = routed.putIfAbsent(tenant, resolved);
    return previous == null ? resolved : previous;
  }

  /**
   * The region the tenant is assigned or pinned to, without pinning it: for checks on a tenant
   * that is not the caller's.
   */
  Optional<String> locate(TenantId tenant) {
    Region known = routed.get(tenant);
    if (known != null) {
      return Optional.of(known.name());
    }
    String assigned = assignments.get(tenant);
    if (assigned != null) {
      return Optional.of(assigned);
    }
    return order.stream().filter(r -> r.pins().pinnedRegion(tenant).isPresent()).map(Region::name).findFirst();
  }

  private Region resolve(TenantId tenant) {
    Map<String, String> pins = new LinkedHashMap<>();
    List<String> holders = new ArrayList<>();
    for (Region r : order) {
      Optional<String> pin = r.pins().pinnedRegion(tenant);
      pin.ifPresent(p -> pins.put(r.name(), p));
      if (pin.isPresent() || r.tenants().exists(tenant)) {
        holders.add(r.name());
      }
    }
    String assigned = assignments.get(tenant);
    if (assigned == null) {
      if (pins.size() != 1) {
        throw new StorageException(pins.isEmpty()
            ? "tenant '" + tenant.value() + "' is assigned to no region: assign it to one of "
                + String.join(", ", new TreeSet<>(regions.keySet())) + " (--tenant-region " + tenant.value() + "=REGION)"
            : "tenant '" + tenant.value() + "' is pinned in the databases of regions "
                + String.join(" and ", new TreeSet<>(pins.keySet())) + ": a tenant lives in one region; remove the stray data",
            new IllegalStateException("data residency"));
      }
      assigned = pins.keySet().iterator().next();
    }
    for (String holder : holders) {
      if (!holder.equals(assigned)) {
        throw misplaced(tenant, assigned, "its data is in the database of region '" + holder + "'");
      }
    }
    Region region = regions.get(assigned);
    String pinned = region.pins().pin(tenant, assigned);
    if (!pinned.equals(assigned)) {
      throw misplaced(tenant, assigned, "the database of region '" + assigned + "' has it pinned to region '"
          + pinned + "' (was the database configured under another region name?)");
    }
    return region;
  }

  private static StorageException misplaced(TenantId tenant, String assigned, String why) {
    return new StorageException("tenant '" + tenant.value() + "' is assigned to region '" + assigned + "', but "
        + why + ": a tenant's data lives in one region; fix the assignment instead of splitting the tenant",
        new IllegalStateException("data residency"));
  }
}
