package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;

/**
 * One side of a sharing agreement between two tenants, as the tenant that records it sees it.
 * Immutable.
 *
 * @param direction whether the tenant shares its innovations with the counterpart or accepts the
 *     counterpart's
 * @param counterpart the other tenant
 */
public record SharingTerms(Direction direction, TenantId counterpart) {
  /** Which way innovations may flow, seen from the tenant that records the terms. */
  public enum Direction {
    /** The tenant lets the counterpart's teams record adoptions of its innovations. */
    SHARE_WITH,
    /** The tenant lets its teams record adoptions learned from the counterpart. */
    ACCEPT_FROM
  }

  /** Validates. */
  public SharingTerms {
    requireNonNull(direction, "direction");
    requireNonNull(counterpart, "counterpart");
  }

  /** The tenant shares its innovations with {@code counterpart}. */
  public static SharingTerms shareWith(TenantId counterpart) {
    return new SharingTerms(Direction.SHARE_WITH, counterpart);
  }

  /** The tenant accepts innovations from {@code counterpart}. */
  public static SharingTerms acceptFrom(TenantId counterpart) {
    return new SharingTerms(Direction.ACCEPT_FROM, counterpart);
  }
}
