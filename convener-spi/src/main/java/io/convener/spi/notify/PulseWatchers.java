package io.convener.spi.notify;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseScope;
import java.util.List;

/**
 * Who looks after a pulse scope and is told of its risks. By default these are the watchers an
 * admin keeps per scope ({@link io.convener.api.pulse.PulseAggregator#watch}, the {@code convener
 * watchers} command, {@code /v1/admin/watchers}), read from the {@link
 * io.convener.spi.storage.PulseWatcherStore}. A host that knows who its community managers and
 * team leads are (Convener's member records carry no roles) may bind its own instead: return the
 * community managers for every scope and, for a team, its leads too, the people the pulse itself
 * lets see that scope. Each is told only if they consent to {@link
 * io.convener.api.notify.NotificationDraft#DIRECT}. {@link #NONE} tells nobody. Implementations
 * are thread-safe and fast (called on the pulse call's thread).
 */
public interface PulseWatchers {
  /** Nobody watches any scope. */
  PulseWatchers NONE = (tenant, scope) -> List.of();

  /** The members to tell of risks in {@code scope} of {@code tenant}. */
  List<MemberId> watchers(TenantId tenant, PulseScope scope);
}
