package io.convener.spi.signal;

import java.util.function.Consumer;

/**
 * The tenant's events in a signal's window, read from the snapshot champion discovery already
 * holds in memory for the request: a signal that works on Convener's own events needs no query of
 * the event store. It holds only the tenant's events; it is valid during {@link
 * Signal#compute(io.convener.api.TenantId, SignalWindow, WindowEvents)} only.
 */
public interface WindowEvents {
  /** How many events lie in the window. */
  int size();

  /**
   * Gives every event of the window to the consumer, in the order they were stored (not
   * necessarily by time).
   */
  void forEach(Consumer<? super WindowEvent> consumer);
}
