package io.convener.spi.notify;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseScope;
import java.util.List;

/**
 * Who looks after a pulse scope and is told of its risks: the host knows who its community managers
 * and team leads are (Convener's member records carry no roles). Return the community managers
 * for every scope and, for a team, its leads too: the people the pulse itself lets see that scope.
 * Each is told only if they consent to {@link io.convener.api.notify.NotificationDraft#DIRECT}.
 * The default, {@link #NONE}, tells nobody. Implementations are thread-safe and fast (called on the
 * pulse call's thread).
 */
public interface PulseWatchers {
  /** Nobody watches any scope. */
  PulseWatchers NONE = (tenant, scope) -> List.of();

  /** The members to tell of risks in {@code scope} of {@code tenant}. */
  List<MemberId> watchers(TenantId tenant, PulseScope scope);
}
