package io.convener.core.pulse;

import io.convener.api.CohortId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import io.convener.api.pulse.PulseScope;
import io.convener.spi.storage.MembershipPeriod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scopes of one tenant (the tenant, each team, cohort and org unit with its ancestors), their
 * members as rollup indexes (with the spans of time they belonged, by the membership history), and which are suppressed for k-anonymity: every scope of fewer than k
 * members, and then, by complementary suppression, enough others that no visible scope minus the
 * visible scopes inside it leaves a group of 1 to k − 1 members (see {@link Suppression}). Built
 * for one membership version and one k. Immutable and thread-safe.
 */
final class ScopeIndex {
  private final long membershipVersion;
  private final int k;
  private final Map<PulseScope, BitSet> members;
  private final Map<PulseScope, String> suppressed;
  /** Per scope, the spans of its members who did not always belong to it. */
  private final Map<PulseScope, Map<Integer, long[]>> spans;

  private ScopeIndex(long membershipVersion, int k, Map<PulseScope, BitSet> members,
      Map<PulseScope, Map<Integer, long[]>> spans, Map<PulseScope, String> suppressed) {
    this.membershipVersion = membershipVersion;
    this.k = k;
    this.members = members;
    this.spans = spans;
    this.suppressed = suppressed;
  }

  /**
   * The index of the rollup's members for this k; call under the rollup's monitor. A scope holds
   * every member who ever belonged to it (by the rollup's membership history), each with the spans
   * of time they did; suppression weighs those sets.
   */
  static ScopeIndex of(TenantRollup rollup, int k) {
    BitSet everybody = new BitSet();
    TreeMap<TeamId, BitSet> teams = new TreeMap<>();
    TreeMap<CohortId, BitSet> cohorts = new TreeMap<>();
    TreeMap<String, BitSet> orgs = new TreeMap<>();
    Map<PulseScope, Map<Integer, long[]>> spans = new HashMap<>();
    for (Member m : rollup.members().values()) {
      int i = rollup.find(m.id()).orElseThrow();
      everybody.set(i);
      List<MembershipPeriod> history = rollup.periods(m.id());
      if (history == null) {
        // Always a member of their current scopes: bits only, no spans.
        m.teams().forEach(t -> teams.computeIfAbsent(t, x -> new BitSet()).set(i));
        m.cohorts().forEach(c -> cohorts.computeIfAbsent(c, x -> new BitSet()).set(i));
        m.org().ifPresent(o -> o.selfAndAncestors().forEach(u -> orgs.computeIfAbsent(u.path(), x -> new BitSet()).set(i)));
        continue;
      }
      for (int p = 0; p < history.size(); p++) {
        MembershipPeriod period = history.get(p);
        long from = period.fromMillis();
        long until = p + 1 < history.size() ? history.get(p + 1).fromMillis() : Long.MAX_VALUE;
        Member at = period.asMember();
        at.teams().forEach(t -> span(spans, PulseScope.team(t), i, from, until, teams.computeIfAbsent(t, x -> new BitSet())));
        at.cohorts().forEach(c -> span(spans, PulseScope.cohort(c), i, from, until,
            cohorts.computeIfAbsent(c, x -> new BitSet())));
        at.org().ifPresent(o -> o.selfAndAncestors().forEach(u -> span(spans, PulseScope.org(OrgUnit.of(u.path())), i,
            from, until, orgs.computeIfAbsent(u.path(), x -> new BitSet()))));
      }
    }
    Map<PulseScope, BitSet> sets = new LinkedHashMap<>();
    sets.put(PulseScope.tenant(), everybody);
    teams.forEach((t, b) -> sets.put(PulseScope.team(t), b));
    cohorts.forEach((c, b) -> sets.put(PulseScope.cohort(c), b));
    orgs.forEach((o, b) -> sets.put(PulseScope.org(OrgUnit.of(o)), b));
    // A member who belonged from the beginning on, without a break, always belonged.
    spans.values().forEach(byMember -> byMember.values().removeIf(
        x -> x.length == 2 && x[0] == MembershipPeriod.BEGINNING && x[1] == Long.MAX_VALUE));
    return new ScopeIndex(rollup.membershipVersion(), k, sets, spans, Suppression.apply(sets, k));
  }

  /** Adds {@code [from, until)} to member i's spans in the scope, joined to a span it continues. */
  private static void span(Map<PulseScope, Map<Integer, long[]>> spans, PulseScope scope, int i, long from, long until,
      BitSet members) {
    members.set(i);
    Map<Integer, long[]> byMember = spans.computeIfAbsent(scope, x -> new HashMap<>());
    long[] old = byMember.get(i);
    if (old == null) {
      byMember.put(i, new long[] {from, until});
    } else if (old[old.length - 1] == from) {
      old[old.length - 1] = until;
    } else {
      long[] grown = Arrays.copyOf(old, old.length + 2);
      grown[old.length] = from;
      grown[old.length + 1] = until;
      byMember.put(i, grown);
    }
  }

  /** Whether this index is for the rollup's current membership and this k. */
  boolean isFor(TenantRollup rollup, int minGroupSize) {
    return membershipVersion == rollup.membershipVersion() && k == minGroupSize;
  }

  /** What the index weighs against the {@link PulseMemory} budget: its members, over all scopes. */
  int weight() {
    long w = 1;
    for (BitSet b : members.values()) {
      w += b.cardinality();
    }
    for (Map<Integer, long[]> byMember : spans.values()) {
      w += byMember.size();
    }
    return (int) Math.min(Integer.MAX_VALUE, w);
  }

  /** Every scope, in the order of {@code PulseAggregator.scopes}. */
  List<PulseScope> scopes() {
    return List.copyOf(members.keySet());
  }

  /**
   * The scope's members (everyone who ever belonged) as rollup indexes, ascending, with the spans
   * of time they belonged; empty for a scope the tenant does not have.
   */
  ScopeMembers members(PulseScope scope) {
    BitSet b = members.get(scope);
    int[] ids = b == null ? new int[0] : b.stream().toArray();
    Map<Integer, long[]> byMember = spans.getOrDefault(scope, Map.of());
    long[][] s = new long[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      s[i] = byMember.get(ids[i]);
    }
    return new ScopeMembers(ids, s);
  }

  /** Why the scope is suppressed, if it is; a scope without members is. */
  Optional<String> suppression(PulseScope scope) {
    if (!members.containsKey(scope)) {
      return Optional.of("the scope has no members");
    }
    return Optional.ofNullable(suppressed.get(scope));
  }

  /** The k-anonymity rules over any family of member sets. */
  static final class Suppression {
    private Suppression() {}

    /**
     * The suppressed scopes with their reasons. First every scope under k members; then, until
     * nothing changes, for each visible scope N (smallest first) the residual R = N minus the union
     * of the visible scopes strictly inside it (scopes with the same members as N tell nothing): while 0 < |R| < k, hide the smallest visible scope S inside
     * N, together with the visible scopes inside S (a team and an org unit with the same members
     * hide together), whose hiding grows R; or N itself (with the scopes of the same members) when
     * none does.
     */
    static Map<PulseScope, String> apply(Map<PulseScope, BitSet> sets, int k) {
      Map<PulseScope, String> hidden = new HashMap<>();
      sets.forEach((scope, b) -> {
        if (b.cardinality() < k) {
          hidden.put(scope, "fewer than " + k + " members");
        }
      });
      List<PulseScope> bySize = new ArrayList<>(sets.keySet());
      bySize.sort(Comparator.comparingInt((PulseScope s) -> sets.get(s).cardinality()));
      boolean changed = true;
      while (changed) {
        changed = false;
        for (PulseScope n : bySize) {
          if (hidden.containsKey(n)) {
            continue;
          }
          List<PulseScope> inside = new ArrayList<>();
          for (PulseScope s : bySize) {
            if (s != n && !hidden.containsKey(s) && within(sets.get(s), sets.get(n)) && !sets.get(s).equals(sets.get(n))) {
              inside.add(s);
            }
          }
          int residual = residual(sets, n, inside, List.of());
          while (residual > 0 && residual < k) {
            List<PulseScope> pick = null;
            for (PulseScope s : inside) {
              List<PulseScope> group = new ArrayList<>();
              for (PulseScope t : inside) {
                if (within(sets.get(t), sets.get(s))) {
                  group.add(t);
                }
              }
              if (residual(sets, n, inside, group) > residual) {
                pick = group;
                break;
              }
            }
            changed = true;
            if (pick == null) {
              for (PulseScope same : bySize) {
                if (sets.get(same).equals(sets.get(n))) {
                  hidden.put(same, "complementary suppression: its visible parts would reveal a group of fewer than " + k);
                }
              }
              break;
            }
            for (PulseScope s : pick) {
              hidden.put(s, "complementary suppression: " + n.wireName()
                  + " minus its visible parts would reveal a group of fewer than " + k);
            }
            inside.removeAll(pick);
            residual = residual(sets, n, inside, List.of());
          }
        }
      }
      return hidden;
    }

    private static boolean within(BitSet inner, BitSet outer) {
      BitSet rest = (BitSet) inner.clone();
      rest.andNot(outer);
      return rest.isEmpty();
    }

    /** |N minus the union of the scopes {@code inside} but not in {@code except}|. */
    private static int residual(Map<PulseScope, BitSet> sets, PulseScope n, List<PulseScope> inside, List<PulseScope> except) {
      BitSet rest = (BitSet) sets.get(n).clone();
      for (PulseScope s : inside) {
        if (!except.contains(s)) {
          rest.andNot(sets.get(s));
        }
      }
      return rest.cardinality();
    }
  }
}
