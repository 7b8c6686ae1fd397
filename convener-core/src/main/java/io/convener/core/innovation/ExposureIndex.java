package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who each adopter collaborated with, and when: the exposures the earliest-exposure rule reads.
 * Holds only pairs of an adopter and a member who flagged or adopted the innovation, so its size
 * is bounded by the collaborations among the cascade's people. Built once, then read-only.
 */
final class ExposureIndex {
  /** One collaboration between the adopter and {@code other} at {@code at}. */
  record Exposure(Instant at, MemberId other) {}

  private final TenantId tenant;
  private final Map<MemberId, List<Exposure>> byAdopter;

  private ExposureIndex(TenantId tenant, Map<MemberId, List<Exposure>> byAdopter) {
    this.tenant = requireNonNull(tenant, "tenant");
    this.byAdopter = byAdopter;
  }

  /** An index with no exposures. */
  static ExposureIndex empty(TenantId tenant) {
    return new ExposureIndex(tenant, Map.of());
  }

  /** The tenant whose collaborations these are. */
  TenantId tenant() {
    return tenant;
  }

  /** The adopter's exposures in {@code [from, until]}, oldest first. */
  List<Exposure> between(MemberId adopter, Instant from, Instant until) {
    List<Exposure> all = byAdopter.getOrDefault(adopter, List.of());
    int lo = 0;
    int hi = all.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (all.get(mid).at().isBefore(from)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int end = lo;
    while (end < all.size() && !all.get(end).at().isAfter(until)) {
      end++;
    }
    return all.subList(lo, end);
  }

  /** Collects exposures from collaboration events; not thread-safe. */
  static final class Builder {
    private final TenantId tenant;
    private final Set<MemberId> adopters;
    private final Set<MemberId> holders;
    private final Map<MemberId, List<Exposure>> byAdopter = new HashMap<>();

    /**
     * @param adopters members whose adoptions may use the exposure rule
     * @param holders members who flagged or adopted the innovation
     */
    Builder(TenantId tenant, Set<MemberId> adopters, Set<MemberId> holders) {
      this.tenant = requireNonNull(tenant, "tenant");
      this.adopters = Set.copyOf(adopters);
      this.holders = Set.copyOf(holders);
    }

    /** Takes one collaboration event: its actor met each target. */
    void accept(Event e) {
      if (!e.kind().isCollaboration()) {
        return;
      }
      for (MemberId target : e.targets()) {
        pair(e.actor(), target, e.at());
        pair(target, e.actor(), e.at());
      }
    }

    private void pair(MemberId adopter, MemberId other, Instant at) {
      if (!adopter.equals(other) && adopters.contains(adopter) && holders.contains(other)) {
        byAdopter.computeIfAbsent(adopter, k -> new ArrayList<>()).add(new Exposure(at, other));
      }
    }

    ExposureIndex build() {
      Map<MemberId, List<Exposure>> sorted = new HashMap<>();
      byAdopter.forEach((m, list) -> {
        List<Exposure> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Exposure::at));
        sorted.put(m, List.copyOf(copy));
      });
      return new ExposureIndex(tenant, sorted);
    }
  }
}
