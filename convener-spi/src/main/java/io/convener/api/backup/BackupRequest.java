package io.convener.api.backup;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which tenants a backup holds: the ones named, or every tenant of the store.
 *
 * @param tenants the tenants, in the order given, without repeats; empty when {@code all}
 * @param all whether every tenant of the store is backed up
 */
public record BackupRequest(List<TenantId> tenants, boolean all) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when tenants are named with {@code all}, or none
   *     without it, or one is named twice
   */
  public BackupRequest {
    requireNonNull(tenants, "tenants");
    tenants = List.copyOf(tenants);
    if (all == !tenants.isEmpty()) {
      throw new IllegalArgumentException("a backup request names tenants, or asks for all tenants; not both, not neither");
    }
    if (new LinkedHashSet<>(tenants).size() != tenants.size()) {
      throw new IllegalArgumentException("a backup request names a tenant twice: " + tenants);
    }
  }

  /** A backup of these tenants. */
  public static BackupRequest of(TenantId first, TenantId... more) {
    List<TenantId> all = new ArrayList<>();
    all.add(requireNonNull(first, "first"));
    for (TenantId t : more) {
      all.add(requireNonNull(t, "more"));
    }
    return new BackupRequest(all, false);
  }

  /** A backup of every tenant the store holds. */
  public static BackupRequest allTenants() {
    return new BackupRequest(List.of(), true);
  }
}
