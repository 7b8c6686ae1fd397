package io.convener.core.internal.telemetry;

import io.convener.api.TenantId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenant labels with bounded cardinality: the first {@code cap} tenants seen keep their id, every
 * later one is {@value #OTHER}, so that a host with thousands of tenants does not make thousands
 * of time series. Thread-safe; the cap may be exceeded by a few under a race, never by many.
 */
final class TenantLabels {
  /** The label of every tenant beyond the cap. */
  static final String OTHER = "other";
  /** Tenants labelled by id by default. */
  static final int DEFAULT_CAP = 100;

  private final int cap;
  private final Set<String> named = ConcurrentHashMap.newKeySet();

  TenantLabels(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("cap must be >= 0, got " + cap);
    }
    this.cap = cap;
  }

  String label(TenantId tenant) {
    String id = tenant.value();
    if (named.contains(id)) {
      return id;
    }
    if (named.size() < cap) {
      named.add(id);
      return id;
    }
    return OTHER;
  }
}
