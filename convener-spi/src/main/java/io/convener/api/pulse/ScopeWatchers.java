package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import java.util.List;
import java.util.TreeSet;

/**
 * The watchers of one pulse scope: the members told of its risks (each only while they consent to
 * {@link io.convener.api.notify.NotificationDraft#DIRECT}). Immutable and thread-safe.
 *
 * @param scope the scope watched
 * @param members its watchers, distinct, sorted by id; may be empty
 */
public record ScopeWatchers(PulseScope scope, List<MemberId> members) {
  /** Validates, removes duplicates and sorts the members by id. */
  public ScopeWatchers {
    requireNonNull(scope, "scope");
    requireNonNull(members, "members");
    TreeSet<MemberId> sorted = new TreeSet<>();
    for (MemberId m : members) {
      sorted.add(requireNonNull(m, "member"));
    }
    members = List.copyOf(sorted);
  }
}
