package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseScope;
import io.convener.spi.notify.PulseWatchers;
import io.convener.spi.storage.PulseWatcherStore;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The default {@link PulseWatchers}: the watchers an admin keeps per scope, read from the {@link
 * PulseWatcherStore} on each call (so a change on one node counts on every node at once). Called
 * only for a report with risks. Thread-safe.
 */
final class StoredPulseWatchers implements PulseWatchers {
  private final PulseWatcherStore store;

  @Inject
  StoredPulseWatchers(PulseWatcherStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public List<MemberId> watchers(TenantId tenant, PulseScope scope) {
    return store.find(tenant, scope);
  }
}
