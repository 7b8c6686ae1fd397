package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.PulseWatcherStore;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The watcher lists of {@link PulseAggregator}, through the choke point: reads by admins,
 * community managers and compliance officers, changes by admins, one provenance entry per call. A
 * watcher added must be a member of the tenant. Thread-safe.
 */
final class WatchList {
  static final String READ = "pulse.watchers";
  static final String WATCH = "pulse.watch";
  static final String UNWATCH = "pulse.unwatch";

  private static final Role[] READERS = {Role.ADMIN, Role.COMMUNITY_MANAGER, Role.COMPLIANCE_OFFICER};

  private final Gate gate;
  private final PulseWatcherStore store;
  private final MemberStore members;

  @Inject
  WatchList(Gate gate, PulseWatcherStore store, MemberStore members) {
    this.gate = requireNonNull(gate, "gate");
    this.store = requireNonNull(store, "store");
    this.members = requireNonNull(members, "members");
  }

  List<ScopeWatchers> all(Principal principal) {
    return gate.invoke(principal, Invocation.of(READ, store::findAll)
        .roles(READERS)
        .inputs(() -> Map.of("scope", "*"))
        .build());
  }

  ScopeWatchers of(Principal principal, PulseScope scope) {
    requireNonNull(scope, "scope");
    return gate.invoke(principal, Invocation.of(READ, tenant -> new ScopeWatchers(scope, store.find(tenant, scope)))
        .roles(READERS)
        .inputs(() -> Map.of("scope", scope.wireName()))
        .build());
  }

  ScopeWatchers watch(Principal principal, PulseScope scope, Collection<MemberId> added) {
    requireNonNull(scope, "scope");
    List<MemberId> list = checked(added);
    return gate.invoke(principal, Invocation.of(WATCH, tenant -> {
          for (MemberId m : list) {
            if (members.find(tenant, m).isEmpty()) {
              throw new InvalidInputException("members", "the tenant has no member '" + m.value() + "'");
            }
          }
          store.add(tenant, scope, list);
          return new ScopeWatchers(scope, store.find(tenant, scope));
        })
        .roles(Role.ADMIN)
        .inputs(() -> inputs(scope, list))
        .generated(r -> List.of("watchers:" + scope.wireName()))
        .build());
  }

  ScopeWatchers unwatch(Principal principal, PulseScope scope, Collection<MemberId> removed) {
    requireNonNull(scope, "scope");
    List<MemberId> list = checked(removed);
    return gate.invoke(principal, Invocation.of(UNWATCH, tenant -> {
          store.remove(tenant, scope, list);
          return new ScopeWatchers(scope, store.find(tenant, scope));
        })
        .roles(Role.ADMIN)
        .inputs(() -> inputs(scope, list))
        .generated(r -> List.of("watchers:" + scope.wireName()))
        .build());
  }

  /** The members, distinct and sorted; 1 to {@link PulseAggregator#MAX_WATCHERS_PER_CALL}. */
  private static List<MemberId> checked(Collection<MemberId> given) {
    requireNonNull(given, "members");
    TreeSet<MemberId> distinct = new TreeSet<>();
    for (MemberId m : given) {
      distinct.add(requireNonNull(m, "member"));
    }
    if (distinct.isEmpty() || distinct.size() > PulseAggregator.MAX_WATCHERS_PER_CALL) {
      throw new InvalidInputException("members", "name 1 to " + PulseAggregator.MAX_WATCHERS_PER_CALL
          + " members, got " + distinct.size());
    }
    return List.copyOf(distinct);
  }

  private static Map<String, Object> inputs(PulseScope scope, List<MemberId> list) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("scope", scope.wireName());
    in.put("members", list.stream().map(MemberId::value).toList());
    return in;
  }
}
