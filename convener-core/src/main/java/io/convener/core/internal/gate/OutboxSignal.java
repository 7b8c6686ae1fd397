package io.convener.core.internal.gate;

import io.convener.api.TenantId;

/**
 * Told by the {@link Gate} right after an action committed notifications to the outbox, so that
 * the relay delivers them without waiting for its next poll. The notify module binds the relay;
 * without it nothing is told and the rows wait in the outbox. Implementations return quickly and
 * never throw.
 */
public interface OutboxSignal {
  /** Tells nobody. */
  OutboxSignal NONE = tenant -> { };

  /** Notifications of {@code tenant} were committed. */
  void committed(TenantId tenant);
}
