package io.convener.core.innovation;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The order in which {@link LineageBuilder} links adoptions: time order, with an adoption that
 * continues another one ({@link SpreadEvent#via}) always after it, so a parent precedes its child
 * even when both happened at the same instant. Stateless.
 */
final class LineageOrder {
  /** An event's identity across tenants. */
  record Key(TenantId tenant, EventId id) {
    static Key of(SpreadEvent e) {
      return new Key(e.tenant(), e.id());
    }
  }

  private LineageOrder() {}

  /**
   * The adoptions in time order, except that one continuing another adoption comes after it (Kahn's
   * algorithm, taking the earliest ready adoption first). Adoptions on a cycle of {@code via}
   * references are never ready: they are rejected here with the cycle.
   */
  static List<SpreadEvent> order(List<SpreadEvent> adoptions, Consumer<LineageBuilder.Rejection> rejected) {
    Map<Key, SpreadEvent> byKey = new HashMap<>();
    for (SpreadEvent a : adoptions) {
      byKey.put(Key.of(a), a);
    }
    Map<Key, List<SpreadEvent>> children = new HashMap<>();
    PriorityQueue<SpreadEvent> ready = new PriorityQueue<>(SpreadEvent.ORDER);
    for (SpreadEvent a : adoptions) {
      Optional<Key> via = a.via().map(v -> new Key(a.tenant(), v)).filter(byKey::containsKey);
      if (via.isPresent()) {
        children.computeIfAbsent(via.get(), k -> new ArrayList<>()).add(a);
      } else {
        ready.add(a);
      }
    }
    List<SpreadEvent> ordered = new ArrayList<>(adoptions.size());
    while (!ready.isEmpty()) {
      SpreadEvent next = ready.poll();
      ordered.add(next);
      ready.addAll(children.getOrDefault(Key.of(next), List.of()));
    }
    if (ordered.size() < adoptions.size()) {
      Set<Key> placed = new HashSet<>();
      ordered.forEach(a -> placed.add(Key.of(a)));
      List<SpreadEvent> stuck = new ArrayList<>();
      for (SpreadEvent a : adoptions) {
        if (!placed.contains(Key.of(a))) {
          stuck.add(a);
        }
      }
      stuck.sort(SpreadEvent.ORDER);
      for (SpreadEvent a : stuck) {
        rejected.accept(new LineageBuilder.Rejection(a, a.tenant(), "its refs[0] chain runs into a cycle of adoptions ("
            + cycle(a, byKey) + "), so it continues no innovation's lineage"));
      }
    }
    return ordered;
  }

  private static String cycle(SpreadEvent from, Map<Key, SpreadEvent> byKey) {
    List<String> path = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    SpreadEvent current = from;
    while (current != null && seen.add(Key.of(current))) {
      path.add(current.id().value());
      current = current.via().map(v -> byKey.get(new Key(from.tenant(), v))).orElse(null);
    }
    if (current != null) {
      path.add(current.id().value());
    }
    return String.join(" → ", path);
  }
}
