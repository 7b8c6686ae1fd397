package io.convener.core.champion;

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

  WindowGraph(InteractionGraph graph, int[] nodeOf, int[] rosterOf, double[] given, double[] posts,
      double[] responses, double[] endorsements, long eventsInWindow) {
    this.graph = graph;
    this.nodeOf = nodeOf;
    this.rosterOf = rosterOf;
    this.given = given;
    this.posts = posts;
    this.responses = responses;
    this.endorsements = endorsements;
    this.eventsInWindow = eventsInWindow;
  }

  int nodeCount() {
    return rosterOf.length;
  }

  /** Given plus received (responses and endorsements) of a node. */
  double activity(int node) {
    return given[node] + responses[node] + endorsements[node];
  }

  /**
   * Builds the graph of {@code [from, until)} over the snapshot, in one pass.
   *
   * @param excluded per roster index, whether the account is excluded; null for none
   * @param decay the diminishing-returns factor for repeated reactions and endorsements; 1 for none
   */
  static WindowGraph build(TenantLog.Snapshot s, long from, long until, boolean[] excluded, double decay) {
    WindowState state = new WindowState(s.roster().size(), excluded, from, until, decay);
    state.advance(s.events());
    return state.graph();
  }
}
