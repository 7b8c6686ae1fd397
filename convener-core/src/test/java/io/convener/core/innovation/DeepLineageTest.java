package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.at;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adoptions of adoptions to any depth, through the whole stack: random seeded trees of depth at
 * least 5 against a brute-force computation, the closed forms, cycles and out-of-order references.
 */
class DeepLineageTest {
  private final SpreadFixture f = new SpreadFixture();

  @AfterEach
  void close() {
    f.close();
  }

  /** An adoption of {@code ref} (the innovation or another adoption) at {@code hours} after day 0. */
  private static Event adoption(String id, String ref, int node, long hours) {
    return Event.builder(EventId.of(id), at(0).plus(Duration.ofHours(hours)), EventKind.ADOPTION,
        MemberId.of("m" + node)).team(TeamId.of("team-" + node % 7)).refs(EventId.of(ref)).build();
  }

  /** Writes the tree given by {@code parent} (node 0 the innovation i1) as refs[0] chains. */
  private void write(int[] parent, long[] hours) {
    List<Event> events = new ArrayList<>();
    events.add(innovation("i1", "m0", "team-0", 0));
    for (int i = 1; i < parent.length; i++) {
      events.add(adoption("a" + i, parent[i] == 0 ? "i1" : "a" + parent[i], i, hours[i]));
    }
    f.events(ACME, events.toArray(Event[]::new));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 29, 1_234, 77_001, 424_242})
  void randomDeepTreesMatchBruteForce(long seed) {
    Random random = new Random(seed);
    int n = 30 + random.nextInt(90);
    int[] parent = new int[n];
    long[] hours = new long[n];
    for (int i = 1; i < n; i++) {
      // The first six nodes form a chain, so the depth is at least 5; the rest attach anywhere.
      parent[i] = i <= 5 ? i - 1 : random.nextInt(i);
      // Ties with the parent happen (0 hours), so the order must come from the references.
      hours[i] = hours[parent[i]] + random.nextInt(3) * 12L;
    }
    write(parent, hours);
    SpreadReport r = f.convener.innovation().spread(admin(ACME), EventId.of("i1"));

    String why = "seed " + seed + " (n=" + n + ")";
    BruteForce truth = BruteForce.of(parent);
    assertThat(r.rejected()).as(why).isEmpty();
    assertThat(r.adoptions()).as(why).isEqualTo(n - 1);
    Map<String, LineageEntry> entries = r.lineage().stream()
        .collect(Collectors.toMap(LineageEntry::node, Function.identity()));
    for (int i = 1; i < n; i++) {
      LineageEntry e = entries.get("a" + i);
      assertThat(e.from()).as(why + ", a" + i).isEqualTo(parent[i] == 0 ? "i1" : "a" + parent[i]);
      assertThat(e.depth()).as(why + ", a" + i).isEqualTo(truth.depth[i]);
      assertThat(e.rule()).as(why).isEqualTo(parent[i] == 0 ? "default:earliest-in-tenant" : "explicit:refs");
    }
    assertThat(r.depth()).as(why).isEqualTo(truth.maxDepth()).isGreaterThanOrEqualTo(5);
    assertThat(r.maxBreadth()).as(why).isEqualTo(truth.maxBreadth());
    assertThat(r.broadcastShare()).as(why).isCloseTo(truth.broadcastShare(), within(1e-12));
    assertThat(r.structuralVirality()).as(why).isCloseTo(truth.virality(), within(1e-12));
  }

  @Test
  void closedFormsHoldForChainsOfReferences() {
    int n = 12;
    int[] path = new int[n];
    long[] hours = new long[n];
    for (int i = 1; i < n; i++) {
      path[i] = i - 1;
      hours[i] = i;
    }
    write(path, hours);
    SpreadReport r = f.convener.innovation().spread(admin(ACME), EventId.of("i1"));
    assertThat(r.depth()).isEqualTo(n - 1);
    assertThat(r.structuralVirality()).isCloseTo((n + 1) / 3.0, within(1e-12));
  }

  @Test
  void completeBinaryTreeOfReferences() {
    int[] parent = new int[15];
    long[] hours = new long[15];
    for (int i = 1; i < 15; i++) {
      parent[i] = (i - 1) / 2;
      hours[i] = i;
    }
    write(parent, hours);
    SpreadReport r = f.convener.innovation().spread(admin(ACME), EventId.of("i1"));
    assertThat(r.depth()).isEqualTo(3);
    assertThat(r.structuralVirality()).isCloseTo(736.0 / 210.0, within(1e-12));
  }

  @Test
  void cyclesAreRefusedWithTheCycle() {
    f.events(ACME, innovation("i1", "m0", "team-0", 0),
        adoption("a1", "i1", 1, 24),
        adoption("c1", "c2", 2, 30), adoption("c2", "c3", 3, 31), adoption("c3", "c1", 4, 32),
        adoption("c4", "c2", 5, 33), adoption("self", "self", 6, 34));

    SpreadReport r = f.convener.innovation().spread(admin(ACME), EventId.of("i1"));
    assertThat(r.lineage()).extracting(LineageEntry::node).containsExactly("a1");
    assertThatThrownBy(() -> f.convener.innovation().spread(admin(ACME), EventId.of("c4")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cycle (c4 → c2 → c3 → c1 → c2)");
    assertThatThrownBy(() -> f.convener.innovation().spread(admin(ACME), EventId.of("self")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cycle (self → self)");
    assertThatThrownBy(() -> f.convener.innovation().spread(admin(ACME), EventId.of("a1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a1 is an adoption, not an innovation")
        .hasMessageContaining("ask for the spread of i1");
  }

  @Test
  void aReferenceToALaterOrRejectedAdoptionIsRejectedWithItsReason() {
    f.events(ACME, innovation("i1", "m0", "team-0", 1),
        adoption("early", "i1", 1, 0),
        adoption("child-of-early", "early", 2, 30),
        adoption("a1", "i1", 3, 48),
        adoption("before-a1", "a1", 4, 40),
        adoption("after-a1", "a1", 5, 50));

    SpreadReport r = f.convener.innovation().spread(admin(ACME), EventId.of("i1"));
    assertThat(r.lineage()).extracting(LineageEntry::node).containsExactly("a1", "after-a1");
    Map<String, String> reasons = r.rejected().stream()
        .collect(Collectors.toMap(RejectedAdoption::node, RejectedAdoption::reason));
    assertThat(reasons.get("early")).contains("is before the innovation");
    assertThat(reasons.get("child-of-early")).contains("refs[0] names adoption early, which is not in the lineage");
    assertThat(reasons.get("before-a1")).contains("refs[0] names adoption a1 at", "which is after this adoption");
  }

  /** Depths and all-pairs distances by breadth-first search from every node. */
  private record BruteForce(int[] depth, long[] sumOfDistances, List<List<Integer>> neighbours) {
    static BruteForce of(int[] parent) {
      int n = parent.length;
      List<List<Integer>> adj = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        adj.add(new ArrayList<>());
      }
      for (int i = 1; i < n; i++) {
        adj.get(i).add(parent[i]);
        adj.get(parent[i]).add(i);
      }
      long[] sums = new long[n];
      int[] rootDepth = null;
      for (int s = 0; s < n; s++) {
        int[] d = new int[n];
        Arrays.fill(d, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
        d[s] = 0;
        while (!queue.isEmpty()) {
          int u = queue.poll();
          for (int v : adj.get(u)) {
            if (d[v] < 0) {
              d[v] = d[u] + 1;
              queue.add(v);
            }
          }
        }
        for (int v = 0; v < n; v++) {
          sums[s] += d[v];
        }
        if (s == 0) {
          rootDepth = d;
        }
      }
      return new BruteForce(rootDepth, sums, adj);
    }

    int maxDepth() {
      return Arrays.stream(depth).max().orElse(0);
    }

    int maxBreadth() {
      int[] perDepth = new int[maxDepth() + 1];
      for (int i = 1; i < depth.length; i++) {
        perDepth[depth[i]]++;
      }
      return Arrays.stream(perDepth).max().orElse(0);
    }

    double broadcastShare() {
      return neighbours.get(0).size() / (double) (depth.length - 1);
    }

    double virality() {
      long total = Arrays.stream(sumOfDistances).sum();
      int n = depth.length;
      return total / ((double) n * (n - 1));
    }
  }
}
