package io.convener.core.champion;

import io.convener.api.model.EventKind;
import io.convener.core.internal.graph.InteractionGraph;

/**
 * The interaction graph of one window and what each member gave and received in it, from one
 * pass over a tenant's events. Two flavours: the contract's graph (every collaboration event adds
 * its weight to actor → target for every target, self-loops ignored) for the raw metrics, and the
 * scoring graph, which also drops excluded accounts and gives repeated reactions and endorsements
 * from one person to another diminishing returns. Immutable once built.
 */
final class WindowGraph {
  final InteractionGraph graph;
  /** Node of each roster index, or -1 when excluded. */
  final int[] nodeOf;
  /** Roster index of each node. */
  final int[] rosterOf;
  /** Contributions made, per node. */
  final double[] given;
  /** Posts (messages) made, per node. */
  final double[] posts;
  /** Responses received (replies, reactions, mentions, reviews), per node. */
  final double[] responses;
  /** Endorsements received, per node. */
  final double[] endorsements;
  /** Collaboration events inside the window that counted. */
  final long eventsInWindow;

  private WindowGraph(Builder b, InteractionGraph graph) {
    this.graph = graph;
    this.nodeOf = b.nodeOf;
    this.rosterOf = b.rosterOf;
    this.given = b.given;
    this.posts = b.posts;
    this.responses = b.responses;
    this.endorsements = b.endorsements;
    this.eventsInWindow = b.events;
  }

  int nodeCount() {
    return rosterOf.length;
  }

  /** Given plus received (responses and endorsements) of a node. */
  double activity(int node) {
    return given[node] + responses[node] + endorsements[node];
  }

  /**
   * Builds the graph of {@code [from, until)} over the snapshot.
   *
   * @param excluded per roster index, whether the account is excluded; null for none
   * @param decay the diminishing-returns factor for repeated reactions and endorsements; 1 for none
   */
  static WindowGraph build(TenantLog.Snapshot s, long from, long until, boolean[] excluded, double decay) {
    EventColumns.View ev = s.events();
    Builder b = new Builder(s.roster().size(), excluded, ev.size() == 0 ? 0 : ev.targetEnd()[ev.size() - 1]);
    long[] times = ev.at();
    int[] actors = ev.actor();
    int[] targets = ev.targets();
    int[] ends = ev.targetEnd();
    double[] weights = ev.weight();
    int[] nodeOf = b.nodeOf;
    boolean damp = decay < 1;
    PairCounter reactions = new PairCounter();
    PairCounter endorsed = new PairCounter();
    for (int i = 0; i < ev.size(); i++) {
      long at = times[i];
      if (at < from || at >= until) {
        continue;
      }
      EventKind kind = ev.kindOf(i);
      if (!kind.isCollaboration()) {
        continue;
      }
      int a = nodeOf[actors[i]];
      if (a < 0) {
        continue;
      }
      int start = i == 0 ? 0 : ends[i - 1];
      int end = ends[i];
      if (start < end && onlySelf(ev, start, end, actors[i])) {
        continue;
      }
      b.events++;
      double w = weights[i];
      boolean damped = damp && (kind == EventKind.REACTION || kind == EventKind.ENDORSEMENT);
      if (!damped || start == end) {
        b.given[a] += w;
      }
      if (kind == EventKind.MESSAGE) {
        b.posts[a] += w;
      }
      for (int j = start; j < end; j++) {
        int t = nodeOf[targets[j]];
        if (t < 0 || t == a) {
          continue;
        }
        if (damped) {
          (kind == EventKind.REACTION ? reactions : endorsed).add(a, t, w);
        } else {
          b.edges.add(a, t, w);
          received(b, kind, t, w);
        }
      }
    }
    reactions.forEach(decay, (a, t, k, credit) -> {
      b.edges.add(a, t, credit);
      b.given[a] += credit;
      b.responses[t] += credit;
    });
    endorsed.forEach(decay, (a, t, k, credit) -> {
      b.edges.add(a, t, credit);
      b.given[a] += credit;
      b.endorsements[t] += credit;
    });
    return new WindowGraph(b, b.edges.build());
  }

  /** Whether every target of the event is its actor: a self-interaction, ignored entirely. */
  private static boolean onlySelf(EventColumns.View ev, int start, int end, int actor) {
    for (int j = start; j < end; j++) {
      if (ev.targets()[j] != actor) {
        return false;
      }
    }
    return true;
  }

  private static void received(Builder b, EventKind kind, int t, double w) {
    switch (kind) {
      case REPLY, REACTION, MENTION, REVIEW -> b.responses[t] += w;
      case ENDORSEMENT -> b.endorsements[t] += w;
      default -> { }
    }
  }

  private static final class Builder {
    final int[] nodeOf;
    final int[] rosterOf;
    final double[] given;
    final double[] posts;
    final double[] responses;
    final double[] endorsements;
    final InteractionGraph.Builder edges;
    long events;

    Builder(int rosterSize, boolean[] excluded, int expectedEdges) {
      nodeOf = new int[rosterSize];
      int n = 0;
      for (int i = 0; i < rosterSize; i++) {
        nodeOf[i] = excluded != null && excluded[i] ? -1 : n++;
      }
      rosterOf = new int[n];
      for (int i = 0; i < rosterSize; i++) {
        if (nodeOf[i] >= 0) {
          rosterOf[nodeOf[i]] = i;
        }
      }
      given = new double[n];
      posts = new double[n];
      responses = new double[n];
      endorsements = new double[n];
      edges = InteractionGraph.builder(n, expectedEdges);
    }
  }
}
