package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links each adoption to the node it was learned from, in time order, so every parent precedes its
 * child. The rules, first that applies:
 *
 * <ol>
 *   <li>{@code refs[0]} names another adoption of the same tenant ({@link SpreadEvent#via}): the
 *       adoption continues that adoption's lineage, whose node is its parent. It is rejected when
 *       that adoption is later than it, was itself rejected, or lies on a cycle of such references.
 *   <li>{@code attrs.fromTenant} names another tenant: the adoption crosses tenants and is kept
 *       only when the source shares with the destination and the destination accepts from the
 *       source (checked for this adoption, both sides); its parent is the source tenant's earliest
 *       node of {@code attrs.fromTeam} when given, else the source tenant's earliest node.
 *   <li>{@code attrs.fromTeam}: the earliest node of that team in the adopter's tenant.
 *   <li>Earliest exposure (the caller's tenant only): the first collaboration between the adopter
 *       and someone who already had the innovation, inside the window before the adoption.
 *   <li>Otherwise the earliest node in the adopter's tenant (the innovation itself in its home).
 * </ol>
 *
 * <p>Adoptions are linked in time order, an adoption that continues another one after it when both
 * happened at the same instant, so every parent precedes its child. An adoption no rule can link is
 * rejected with the reason. Not thread-safe; one per build.
 */
final class LineageBuilder {
  /** Decides whether an adoption may cross from {@code source} to {@code destination}. */
  interface AgreementCheck {
    /** Empty when both tenants allow it; otherwise a sentence naming the missing side(s). */
    Optional<String> refusal(TenantId source, TenantId destination);
  }

  /** An adoption that was not linked, and why. */
  record Rejection(SpreadEvent adoption, TenantId source, String reason) {}

  /** The tree: node 0 is the innovation; {@code parent[i] < i}; {@code rules[i]} says how. */
  record Lineage(List<SpreadEvent> nodes, int[] parent, List<String> rules, List<Rejection> rejected) {}

  private final AgreementCheck agreements;
  private final ExposureIndex exposures;
  private final Duration window;
  private final List<SpreadEvent> nodes = new ArrayList<>();
  private final List<Integer> parents = new ArrayList<>();
  private final List<String> rules = new ArrayList<>();
  private final List<Rejection> rejected = new ArrayList<>();
  private final Map<LineageOrder.Key, Integer> nodeOf = new HashMap<>();
  private final Map<TenantId, Integer> firstInTenant = new HashMap<>();
  private final Map<TenantId, Map<TeamId, Integer>> firstOfTeam = new HashMap<>();
  private final Map<TenantId, Map<MemberId, Integer>> firstOfMember = new HashMap<>();

  private LineageBuilder(AgreementCheck agreements, ExposureIndex exposures, Duration window) {
    this.agreements = requireNonNull(agreements, "agreements");
    this.exposures = requireNonNull(exposures, "exposures");
    this.window = requireNonNull(window, "window");
  }

  /**
   * Builds the lineage of {@code root} from {@code adoptions} (any order).
   *
   * @param exposures collaborations of the tenant whose adoptions may use the exposure rule
   */
  static Lineage build(SpreadEvent root, List<SpreadEvent> adoptions, AgreementCheck agreements,
      ExposureIndex exposures, Duration window) {
    LineageBuilder b = new LineageBuilder(agreements, exposures, window);
    b.add(root, -1, "root");
    for (SpreadEvent a : LineageOrder.order(adoptions, b.rejected::add)) {
      b.link(a, root.at());
    }
    int[] parent = new int[b.parents.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = b.parents.get(i);
    }
    return new Lineage(List.copyOf(b.nodes), parent, List.copyOf(b.rules), List.copyOf(b.rejected));
  }

  private void link(SpreadEvent a, Instant innovationAt) {
    if (a.at().isBefore(innovationAt)) {
      rejected.add(new Rejection(a, a.tenant(), "the adoption at " + a.at() + " is before the innovation at "
          + innovationAt));
      return;
    }
    if (a.via().isPresent()) {
      linkVia(a, a.via().get());
      return;
    }
    Optional<TenantId> source = Optional.empty();
    if (a.fromTenant().isPresent()) {
      try {
        source = Optional.of(TenantId.of(a.fromTenant().get())).filter(s -> !s.equals(a.tenant()));
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejection(a, a.tenant(), "attrs.fromTenant is not a tenant id: " + e.getMessage()));
        return;
      }
    }
    if (source.isPresent()) {
      linkAcross(a, source.get());
    } else {
      linkWithin(a);
    }
  }

  /** An adoption of an adoption: its parent is that adoption's node. */
  private void linkVia(SpreadEvent a, EventId via) {
    Integer p = nodeOf.get(new LineageOrder.Key(a.tenant(), via));
    if (p == null) {
      rejected.add(new Rejection(a, a.tenant(), "refs[0] names adoption " + via.value()
          + ", which is not in the lineage (it was rejected or is not an adoption of this innovation)"));
      return;
    }
    if (nodes.get(p).at().isAfter(a.at())) {
      rejected.add(new Rejection(a, a.tenant(), "refs[0] names adoption " + via.value() + " at "
          + nodes.get(p).at() + ", which is after this adoption at " + a.at()));
      return;
    }
    add(a, p, "explicit:refs");
  }

  private void linkAcross(SpreadEvent a, TenantId source) {
    Optional<String> refusal = agreements.refusal(source, a.tenant());
    if (refusal.isPresent()) {
      rejected.add(new Rejection(a, source, refusal.get()));
      return;
    }
    Optional<TeamId> team = a.fromTeam().flatMap(LineageBuilder::team);
    Integer p = team.map(t -> firstOfTeam.getOrDefault(source, Map.of()).get(t)).orElse(null);
    String rule = "explicit:fromTenant+fromTeam";
    if (p == null) {
      p = firstInTenant.get(source);
      rule = a.fromTeam().isPresent() ? "explicit:fromTenant (fromTeam has no earlier node there)" : "explicit:fromTenant";
    }
    if (p == null) {
      rejected.add(new Rejection(a, source, "tenant " + source.value()
          + " has no node of the innovation before this adoption that this tenant may see"));
      return;
    }
    add(a, p, rule);
  }

  private void linkWithin(SpreadEvent a) {
    String note = "";
    if (a.fromTeam().isPresent()) {
      Optional<TeamId> team = team(a.fromTeam().get());
      Integer p = team.map(t -> firstOfTeam.getOrDefault(a.tenant(), Map.of()).get(t)).orElse(null);
      if (p != null) {
        add(a, p, "explicit:fromTeam");
        return;
      }
      note = " (fromTeam has no earlier node)";
    }
    Optional<Integer> exposed = exposure(a);
    if (exposed.isPresent()) {
      add(a, exposed.get(), "exposure:window=" + window + note);
      return;
    }
    Integer p = firstInTenant.get(a.tenant());
    if (p == null) {
      rejected.add(new Rejection(a, a.tenant(), "no source: the adoption names no fromTenant and tenant "
          + a.tenant().value() + " has no earlier node of the innovation"));
      return;
    }
    add(a, p, "default:earliest-in-tenant" + note);
  }

  private Optional<Integer> exposure(SpreadEvent a) {
    if (!exposures.tenant().equals(a.tenant())) {
      return Optional.empty();
    }
    Map<MemberId, Integer> holders = firstOfMember.getOrDefault(a.tenant(), Map.of());
    for (ExposureIndex.Exposure e : exposures.between(a.actor(), a.at().minus(window), a.at())) {
      Integer node = holders.get(e.other());
      if (node != null && !nodes.get(node).at().isAfter(e.at())) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  private void add(SpreadEvent e, int parent, String rule) {
    int index = nodes.size();
    nodes.add(e);
    parents.add(parent);
    rules.add(rule);
    nodeOf.put(LineageOrder.Key.of(e), index);
    firstInTenant.putIfAbsent(e.tenant(), index);
    e.team().ifPresent(t -> firstOfTeam.computeIfAbsent(e.tenant(), k -> new HashMap<>()).putIfAbsent(t, index));
    firstOfMember.computeIfAbsent(e.tenant(), k -> new HashMap<>()).putIfAbsent(e.actor(), index);
  }

  private static Optional<TeamId> team(String value) {
    try {
      return Optional.of(TeamId.of(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
