package io.convener.spi.signal;

import io.convener.api.TenantId;

/**
 * A per-member numeric feature that takes part in the champion score. The score normalises a
 * signal like every built-in component (each value divided by the largest value in the tenant),
 * then weighs it with the tenant's weight for {@link #name()}, or {@link #defaultWeight()} when the
 * tenant names none. Implementations must be thread-safe, must only read the given tenant's data,
 * and should be quick: they run on every champion request. A signal that throws fails the request
 * with a {@link io.convener.api.PluginException} naming it.
 */
public interface Signal {
  /**
   * The component name: 1 to 64 characters of {@code [a-z0-9._-]}, starting with a letter, and
   * not one of the built-in components ({@code influence}, {@code engagement}, {@code responses},
   * {@code endorsements}, {@code brokerage}).
   */
  String name();

  /** The weight when the tenant's settings name none; finite and {@code >= 0}. Default 0.1. */
  default double defaultWeight() {
    return 0.1;
  }

  /**
   * The signal's values in the tenant for the window. Members missing from the result have value
   * 0; members not in the window's member list are ignored.
   */
  SignalValues compute(TenantId tenant, SignalWindow window);
}
