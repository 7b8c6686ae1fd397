package io.convener.spi.signal;

import io.convener.api.TenantId;

/**
 * A per-member numeric feature that takes part in the champion score. The score normalises a
 * signal like every built-in component (each value divided by the largest value in the tenant),
 * then weighs it with the tenant's weight for {@link #name()}, or {@link #defaultWeight()} when the
 * tenant names none. Implementations must be thread-safe, must only read the given tenant's data,
 * and should be quick: they run on every champion request. A signal that throws fails the request
 * with a {@link io.convener.api.PluginException} naming it.
 *
 * <p>Implement one of the two {@code compute} methods: {@link #compute(TenantId, SignalWindow,
 * WindowEvents)} when the signal is computed from Convener's own events (they come from the
 * request's in-memory snapshot, so the signal adds no store query), or {@link #compute(TenantId,
 * SignalWindow)} when it reads a source of its own.
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
   * The signal's values in the tenant for the window, from the window's events. Members missing
   * from the result have value 0; members not in the window's member list are ignored. By default
   * it calls {@link #compute(TenantId, SignalWindow)}.
   *
   * @param events the tenant's collaboration and learning events in the window
   */
  default SignalValues compute(TenantId tenant, SignalWindow window, WindowEvents events) {
    return compute(tenant, window);
  }

  /**
   * The signal's values in the tenant for the window, from a source of the signal's own. Members
   * missing from the result have value 0; members not in the window's member list are ignored.
   *
   * @throws UnsupportedOperationException by default: a signal implements this method or {@link
   *     #compute(TenantId, SignalWindow, WindowEvents)}
   */
  default SignalValues compute(TenantId tenant, SignalWindow window) {
    throw new UnsupportedOperationException("signal " + name() + " implements neither compute method");
  }
}
