package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code refs[0]} chains of one tenant's adoptions. An adoption whose {@code refs[0]} names
 * another adoption continues that adoption's lineage, so following {@code refs[0]} from adoption to
 * adoption ends either at an id that is no adoption (the innovation, or an id of another tenant)
 * or in a cycle, which no innovation can reach. Each adoption is traced once (memoised), so tracing
 * all of them is linear in their number; the walk is iterative, so a chain of any length is fine.
 * Not thread-safe; one per read.
 */
final class RefChains {
  /** Where an adoption's chain ends. */
  sealed interface Trace permits Root, Cycle {}

  /**
   * The chain ends at {@code root}, which is no adoption of the tenant.
   *
   * @param hops adoptions from this one up to the root, this one included (1 when {@code refs[0]}
   *     is the root)
   */
  record Root(EventId root, int hops) implements Trace {}

  /** The chain runs into a cycle; {@code path} starts at the traced adoption and ends at the first repeat. */
  record Cycle(List<EventId> path) implements Trace {
    /** The chain written out, such as {@code a1 → a2 → a1}. */
    String describe() {
      return path.stream().map(EventId::value).collect(Collectors.joining(" → "));
    }
  }

  private static final Trace CYCLIC = new Cycle(List.of());

  private final Map<EventId, EventId> source;
  private final Map<EventId, Trace> memo = new HashMap<>();

  /** @param source each adoption id mapped to its {@code refs[0]} */
  RefChains(Map<EventId, EventId> source) {
    this.source = Map.copyOf(requireNonNull(source, "source"));
  }

  /** Whether {@code id} is one of the tenant's adoptions. */
  boolean isAdoption(EventId id) {
    return source.containsKey(id);
  }

  /**
   * Where the chain of the adoption {@code adoption} ends.
   *
   * @throws IllegalArgumentException when {@code adoption} is not an adoption of the tenant
   */
  Trace trace(EventId adoption) {
    if (!isAdoption(adoption)) {
      throw new IllegalArgumentException(adoption.value() + " is not an adoption");
    }
    List<EventId> path = new ArrayList<>();
    Set<EventId> onPath = new LinkedHashSet<>();
    EventId current = adoption;
    Trace end;
    while (true) {
      Trace known = memo.get(current);
      if (known != null) {
        end = known;
        break;
      }
      if (!onPath.add(current)) {
        end = CYCLIC;
        break;
      }
      path.add(current);
      EventId next = source.get(current);
      if (!isAdoption(next)) {
        end = new Root(next, 0);
        break;
      }
      current = next;
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      end = end instanceof Root r ? new Root(r.root(), r.hops() + 1) : CYCLIC;
      memo.put(path.get(i), end);
    }
    Trace result = memo.get(adoption);
    return result instanceof Root ? result : new Cycle(walk(adoption));
  }

  /** The chain from {@code adoption} up to and including its first repeated id. */
  private List<EventId> walk(EventId adoption) {
    List<EventId> path = new ArrayList<>();
    Set<EventId> seen = new LinkedHashSet<>();
    EventId current = adoption;
    while (current != null && seen.add(current)) {
      path.add(current);
      current = source.get(current);
    }
    if (current != null) {
      path.add(current);
    }
    return List.copyOf(path);
  }
}
