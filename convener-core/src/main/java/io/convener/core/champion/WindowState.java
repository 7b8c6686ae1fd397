package io.convener.core.champion;

import io.convener.api.model.EventKind;
import io.convener.core.internal.graph.InteractionGraph;
import java.util.Arrays;

/**
 * What the events of a time range add up to, kept so that more events can be added later: per
 * node what was given, posted and received, and per ordered pair the summed weights (plain
 * events) or counts and sums (reactions and endorsements, which get diminishing returns). A
 * {@link WindowGraph} is built from it at any point. The range is {@code [from, until)}; the
 * earliest and latest instants counted are tracked, so that the state can stand for a narrower
 * window that holds the same events. Not thread-safe.
 */
final class WindowState {
  /** Changed pairs beyond which the graph is assembled again rather than patched. */
  static final int PATCH_LIMIT = 1 << 16;
  final long from;
  final long until;
  final double decay;
  final int[] nodeOf;
  final int[] rosterOf;
  final double[] given;
  final double[] posts;
  final double[] responses;
  final double[] endorsements;
  private final PairCounter plain = new PairCounter();
  private final PairCounter reactions = new PairCounter();
  private final PairCounter endorsed = new PairCounter();
  long events;
  /** Events of the snapshot's columns already looked at. */
  int processed;
  long earliest = Long.MAX_VALUE;
  long latest = Long.MIN_VALUE;
  /** The graph as of the last {@link #graph()}, patched rather than assembled again while few pairs change. */
  private WindowGraph built;
  /** Pairs whose weight changed since {@link #built}, as {@link PairCounter#key} values, maybe repeated. */
  private long[] changed = new long[64];
  private int changedCount;

  WindowState(int rosterSize, boolean[] excluded, long from, long until, double decay) {
    this.from = from;
    this.until = until;
    this.decay = decay;
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
  }

  /** Adds the snapshot's events from {@link #processed} on that fall in the range. */
  void advance(EventColumns.View ev) {
    long[] times = ev.at();
    int[] actors = ev.actor();
    int[] targets = ev.targets();
    int[] ends = ev.targetEnd();
    double[] weights = ev.weight();
    boolean damp = decay < 1;
    for (int i = processed; i < ev.size(); i++) {
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
      if (start < end && onlySelf(targets, start, end, actors[i])) {
        continue;
      }
      events++;
      earliest = Math.min(earliest, at);
      latest = Math.max(latest, at);
      double w = weights[i];
      boolean damped = damp && (kind == EventKind.REACTION || kind == EventKind.ENDORSEMENT);
      if (!damped || start == end) {
        given[a] += w;
      }
      if (kind == EventKind.MESSAGE) {
        posts[a] += w;
      }
      for (int j = start; j < end; j++) {
        int t = nodeOf[targets[j]];
        if (t < 0 || t == a) {
          continue;
        }
        touched(a, t);
        if (damped) {
          PairCounter pairs = kind == EventKind.REACTION ? reactions : endorsed;
          double[] received = kind == EventKind.REACTION ? responses : endorsements;
          int slot = pairs.add(a, t, w);
          int k = pairs.count(slot);
          double before = k == 1 ? 0 : PairCounter.credit(k - 1, pairs.sum(slot) - w, decay);
          double delta = PairCounter.credit(k, pairs.sum(slot), decay) - before;
          given[a] += delta;
          received[t] += delta;
        } else {
          plain.add(a, t, w);
          switch (kind) {
            case REPLY, REACTION, MENTION, REVIEW -> responses[t] += w;
            case ENDORSEMENT -> endorsements[t] += w;
            default -> { }
          }
        }
      }
    }
    processed = ev.size();
  }

  /** Notes a pair whose weight changes, while patching the last graph still pays. */
  private void touched(int a, int t) {
    if (built == null) {
      return;
    }
    if (changedCount == changed.length) {
      if (changedCount >= PATCH_LIMIT) {
        built = null; // so many changes that assembling the graph again is as cheap
        changedCount = 0;
        return;
      }
      changed = Arrays.copyOf(changed, changedCount * 2);
    }
    changed[changedCount++] = PairCounter.key(a, t);
  }

  /**
   * Heap held by this state and the graph it last built (array headers included): what keeping it
   * between requests costs.
   */
  long estimatedHeapBytes() {
    long arrays = 16L * 8 + 4L * (nodeOf.length + rosterOf.length) + 8L * 4 * given.length + 8L * changed.length;
    long pairs = plain.estimatedHeapBytes() + reactions.estimatedHeapBytes() + endorsed.estimatedHeapBytes();
    long graph = built == null ? 0 : built.graph.estimatedHeapBytes() + 16L * 4 + 8L * 4 * given.length;
    return 256 + arrays + pairs + graph;
  }

  private static boolean onlySelf(int[] targets, int start, int end, int actor) {
    for (int j = start; j < end; j++) {
      if (targets[j] != actor) {
        return false;
      }
    }
    return true;
  }

  /**
   * The graph and counts as they stand, as an immutable {@link WindowGraph}: the last one when
   * nothing changed, the last one's graph with the changed pairs' weights set when few did, and
   * otherwise assembled from every pair.
   */
  WindowGraph graph() {
    if (built != null && changedCount == 0 && built.eventsInWindow == events) {
      return built;
    }
    InteractionGraph g = built == null ? assembled() : changedCount == 0 ? built.graph : patched(built.graph);
    built = new WindowGraph(g, nodeOf, rosterOf, Arrays.copyOf(given, given.length),
        Arrays.copyOf(posts, posts.length), Arrays.copyOf(responses, responses.length),
        Arrays.copyOf(endorsements, endorsements.length), events);
    changedCount = 0;
    return built;
  }

  private InteractionGraph assembled() {
    InteractionGraph.Builder b =
        InteractionGraph.builder(rosterOf.length, plain.size() + reactions.size() + endorsed.size());
    plain.forEach(1, (a, t, k, sum) -> b.add(a, t, sum));
    reactions.forEach(decay, (a, t, k, credit) -> b.add(a, t, credit));
    endorsed.forEach(decay, (a, t, k, credit) -> b.add(a, t, credit));
    return b.build();
  }

  /** The changed pairs' weights, summed in the order {@link #assembled()} adds them, set on {@code last}. */
  private InteractionGraph patched(InteractionGraph last) {
    int[] from = new int[changedCount];
    int[] to = new int[changedCount];
    double[] w = new double[changedCount];
    for (int i = 0; i < changedCount; i++) {
      int a = (int) (changed[i] >>> 32);
      int t = (int) changed[i];
      double sum = 0;
      int slot = plain.find(a, t);
      if (slot >= 0) {
        sum += PairCounter.credit(plain.count(slot), plain.sum(slot), 1);
      }
      slot = reactions.find(a, t);
      if (slot >= 0) {
        sum += PairCounter.credit(reactions.count(slot), reactions.sum(slot), decay);
      }
      slot = endorsed.find(a, t);
      if (slot >= 0) {
        sum += PairCounter.credit(endorsed.count(slot), endorsed.sum(slot), decay);
      }
      from[i] = a;
      to[i] = t;
      w[i] = sum;
    }
    return last.withWeights(from, to, w, changedCount);
  }
}
