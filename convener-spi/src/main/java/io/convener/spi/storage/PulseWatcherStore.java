package io.convener.spi.storage;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import java.util.Collection;
import java.util.List;

/**
 * Each tenant's pulse watchers: per scope, the members told of its risks. Implementations are
 * thread-safe, make each change all or nothing, and throw {@link io.convener.api.StorageException}
 * when the store fails.
 */
public interface PulseWatcherStore {
  /** The watchers of one scope, sorted by id; empty when it has none. */
  List<MemberId> find(TenantId tenant, PulseScope scope);

  /** Every scope of the tenant that has watchers, in order of {@link PulseScope#wireName()}. */
  List<ScopeWatchers> findAll(TenantId tenant);

  /**
   * Adds the members to the watchers of the scope; one already watching stays as they are.
   *
   * @return how many were not watching before
   */
  int add(TenantId tenant, PulseScope scope, Collection<MemberId> members);

  /**
   * Removes the members from the watchers of the scope.
   *
   * @return how many were watching
   */
  int remove(TenantId tenant, PulseScope scope, Collection<MemberId> members);
}
