package io.convener.core.internal.graph;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An immutable weighted directed graph on the dense nodes {@code 0..n-1}, together with its
 * undirected view where the weight of {a,b} is w(a→b) + w(b→a). Self-loops are ignored and
 * parallel edges summed.
 *
 * <p>One compressed sparse row structure holds both views: row {@code a} lists every node joined
 * to {@code a} in either direction, sorted ascending, with the two directed weights w(a→b) and
 * w(b→a) as {@code float}s (summed in {@code double} while building, rounded once; integer weights
 * up to 2^24 are exact). That is 12 bytes per entry and two entries per undirected pair: at most
 * 24 bytes per directed edge, plus 24 bytes per node. PageRank pulls along w(b→a); every other
 * metric reads w(a→b) + w(b→a).
 */
public final class InteractionGraph {
  final int n;
  /** Row {@code a} is {@code [offsets[a], offsets[a+1])}. */
  final int[] offsets;
  final int[] targets;
  /** w(a→b) for the entry of b in row a; 0 when only b→a exists. */
  final float[] out;
  /** w(b→a) for the entry of b in row a; 0 when only a→b exists. */
  final float[] in;
  final double[] outWeight;
  final double[] strength;
  private final long directedEdges;

  InteractionGraph(int n, int[] offsets, int[] targets, float[] out, float[] in) {
    this.n = n;
    this.offsets = offsets;
    this.targets = targets;
    this.out = out;
    this.in = in;
    this.outWeight = new double[n];
    this.strength = new double[n];
    long directed = 0;
    for (int a = 0; a < n; a++) {
      double o = 0;
      double s = 0;
      for (int e = offsets[a]; e < offsets[a + 1]; e++) {
        o += out[e];
        s += (double) out[e] + in[e];
        if (out[e] > 0) {
          directed++;
        }
      }
      outWeight[a] = o;
      strength[a] = s;
    }
    this.directedEdges = directed;
  }

  /** A builder for a graph of exactly {@code nodeCount} nodes. */
  public static Builder builder(int nodeCount) {
    return new Builder(nodeCount, 16);
  }

  /** A builder that expects about {@code expectedEdges} calls of {@link Builder#add}. */
  public static Builder builder(int nodeCount, int expectedEdges) {
    return new Builder(nodeCount, expectedEdges);
  }

  public int nodeCount() {
    return n;
  }

  /** Distinct ordered pairs (a,b), a ≠ b, with an edge a→b. */
  public long directedEdgeCount() {
    return directedEdges;
  }

  /** Distinct unordered pairs {a,b}, a ≠ b, with an edge in either direction. */
  public long undirectedEdgeCount() {
    return targets.length / 2;
  }

  /** Sum of w(node→*). */
  public double outWeight(int node) {
    return outWeight[check(node)];
  }

  /** Undirected weighted degree: sum of w(node→*) and w(*→node). */
  public double strength(int node) {
    return strength[check(node)];
  }

  /** Number of undirected neighbours. */
  public int degree(int node) {
    check(node);
    return offsets[node + 1] - offsets[node];
  }

  /** The directed weight w(a→b), 0 if there is no such edge. */
  public double weight(int a, int b) {
    check(a);
    check(b);
    int e = Arrays.binarySearch(targets, offsets[a], offsets[a + 1], b);
    return e < 0 ? 0 : out[e];
  }

  /** Calls {@code c} with each undirected neighbour of {@code node}, ascending, and w(node→nb) + w(nb→node). */
  public void forEachNeighbour(int node, NeighbourConsumer c) {
    check(node);
    for (int e = offsets[node]; e < offsets[node + 1]; e++) {
      c.accept(targets[e], (double) out[e] + in[e]);
    }
  }

  /**
   * This graph with the directed weights of some pairs set: w(from[i] → to[i]) becomes {@code
   * weights[i]} for {@code i < count} (the last entry of a pair wins; self-loops are checked and
   * then ignored), pairs not yet joined are added, every other weight is kept. The result equals
   * the graph built from scratch with those weights, in one pass over this graph's entries instead
   * of an assembly; this graph is unchanged.
   *
   * @throws IllegalArgumentException if a node is outside {@code [0, nodeCount)}, a weight is not
   *     positive and finite, or {@code count} exceeds an array
   */
  public InteractionGraph withWeights(int[] from, int[] to, double[] weights, int count) {
    return CsrPatch.apply(this, from, to, weights, count);
  }

  /** The undirected weight of entry {@code e}. */
  double undirected(int e) {
    return (double) out[e] + in[e];
  }

  /** Heap held by this graph's arrays (array headers included, object header excluded). */
  public long estimatedHeapBytes() {
    long entries = targets.length;
    return 16L * 6 + 4L * (n + 1) + 12L * entries + 16L * n + 64;
  }

  /**
   * A SHA-256 digest of everything the metrics read: the node count and every entry with both
   * directed weights, in row order. Two graphs with equal digests give equal metrics for equal
   * {@link MetricOptions}, so results computed for one may stand for the other.
   */
  public byte[] contentDigest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    buf.putInt(n).putInt(targets.length);
    for (int a = 0; a <= n; a++) {
      flushIfFull(sha, buf, 4);
      buf.putInt(offsets[a]);
    }
    for (int e = 0; e < targets.length; e++) {
      flushIfFull(sha, buf, 12);
      buf.putInt(targets[e]).putFloat(out[e]).putFloat(in[e]);
    }
    flushIfFull(sha, buf, buf.capacity());
    return sha.digest();
  }

  private static void flushIfFull(MessageDigest sha, ByteBuffer buf, int needed) {
    if (buf.remaining() < needed) {
      sha.update(buf.array(), 0, buf.position());
      buf.clear();
    }
  }

  private int check(int node) {
    if (node < 0 || node >= n) {
      throw new IndexOutOfBoundsException("node " + node + " outside [0, " + n + ")");
    }
    return node;
  }

  /** Receives an undirected neighbour and the undirected weight of the edge to it. */
  @FunctionalInterface
  public interface NeighbourConsumer {
    void accept(int neighbour, double weight);
  }

  /** Collects directed weighted edges; single use. Not thread-safe. */
  public static final class Builder {
    /** Entries are addressed as {@code edge << 1 | direction} in an int while building. */
    static final int MAX_EDGES = (1 << 30) - 1;

    private final int n;
    private int[] from;
    private int[] to;
    private double[] weights;
    private int size;
    private boolean built;

    private Builder(int n, int expected) {
      if (n < 0) {
        throw new IllegalArgumentException("nodeCount must be >= 0, was " + n);
      }
      if (expected < 0) {
        throw new IllegalArgumentException("expectedEdges must be >= 0, was " + expected);
      }
      this.n = n;
      int capacity = Math.max(16, Math.min(expected, MAX_EDGES));
      this.from = new int[capacity];
      this.to = new int[capacity];
      this.weights = new double[capacity];
    }

    /**
     * Adds {@code weight} to the directed edge {@code from → to}; a self-loop is checked and then
     * ignored.
     *
     * @throws IllegalArgumentException if a node is outside {@code [0, nodeCount)} or the weight is
     *     not positive and finite
     */
    public Builder add(int from, int to, double weight) {
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      if (from < 0 || from >= n) {
        throw new IllegalArgumentException("from: node " + from + " outside [0, " + n + ")");
      }
      if (to < 0 || to >= n) {
        throw new IllegalArgumentException("to: node " + to + " outside [0, " + n + ")");
      }
      if (!(weight > 0) || weight == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "weight: must be positive and finite, was " + weight + " on " + from + "->" + to);
      }
      if (from == to) {
        return this;
      }
      if (size == this.from.length) {
        grow();
      }
      this.from[size] = from;
      this.to[size] = to;
      this.weights[size] = weight;
      size++;
      return this;
    }

    private void grow() {
      if (size >= MAX_EDGES) {
        throw new IllegalStateException("more than " + MAX_EDGES + " edges");
      }
      int capacity = (int) Math.min(MAX_EDGES, size + (size >> 1) + 16L);
      from = Arrays.copyOf(from, capacity);
      to = Arrays.copyOf(to, capacity);
      weights = Arrays.copyOf(weights, capacity);
    }

    /** Builds the graph; the builder cannot be used afterwards. */
    public InteractionGraph build() {
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      built = true;
      InteractionGraph g = CsrAssembler.assemble(n, from, to, weights, size);
      from = new int[0];
      to = new int[0];
      weights = new double[0];
      return g;
    }
  }
}
