package io.convener.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Bounds the tenant attribute of metrics: the first {@code max} tenants seen keep their own label,
 * every later one is counted as {@value #OTHER}, requests without a tenant (health, refused tokens)
 * as {@value #NONE}. Thread-safe; the set may overshoot {@code max} by the number of racing
 * threads, never more.
 */
final class TenantCap {
  static final String OTHER = "_other";
  static final String NONE = "_none";

  private final int max;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  TenantCap(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0, got " + max);
    }
    this.max = max;
  }

  String label(@Nullable String tenant) {
    if (tenant == null) {
      return NONE;
    }
    if (seen.contains(tenant)) {
      return tenant;
    }
    if (seen.size() < max) {
      seen.add(tenant);
      return tenant;
    }
    return OTHER;
  }
}
