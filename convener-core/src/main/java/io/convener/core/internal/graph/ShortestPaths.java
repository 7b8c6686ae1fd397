package io.convener.core.internal.graph;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Betweenness (Brandes) and closeness from the same single-source Dijkstra runs, distance = 1 /
 * undirected weight. Up to {@code exactLimit} nodes every node is a source and both are exact, as
 * NetworkX's {@code betweenness_centrality(G, weight='distance')} and {@code
 * closeness_centrality(G, distance='distance')}. Above it, every connected component of at most
 * {@code samples} nodes is still done exactly; each larger component C gets k_C = max(3,
 * ceil(samples·|C|/n)) sources drawn without replacement (seeded). Sources are dealt round-robin
 * into a fixed number of blocks that run in parallel and are summed in block order, so results are
 * deterministic.
 */
public final class ShortestPaths {
  private static final double CONFIDENCE_DELTA = 0.05;
  private static final double Z_95 = 1.959963984540054;
  private static final int BLOCKS = 8;

  private ShortestPaths() {}

  /** Betweenness and closeness per node, and how each was obtained. */
  public record Result(double[] betweenness, double[] closeness, Exactness betweennessExactness,
      Exactness closenessExactness) {}

  /** Betweenness and closeness alone (exact up to {@code o.exactLimit()} nodes), for benchmarks. */
  public static Result compute(InteractionGraph g, MetricOptions o) {
    return compute(g, o, Components.of(g), true, new LongAdder());
  }

  /** With {@code reorder}, runs on a breadth-first renumbered copy of the rows. */
  static Result compute(InteractionGraph g, MetricOptions o, Components comps, boolean reorder,
      LongAdder workerCpu) {
    int n = g.n;
    int[] sources;
    boolean[] sampled = new boolean[comps.count()];
    int[] k = new int[comps.count()];
    if (n <= o.exactLimit()) {
      sources = IntStream.range(0, n).toArray();
    } else {
      sources = plan(n, o, comps, sampled, k);
    }
    boolean anySampled = false;
    for (boolean b : sampled) {
      anySampled |= b;
    }
    LocalOrder local = reorder ? LocalOrder.of(g) : LocalOrder.identity(g);
    double[] closeness = new double[n];
    int blocks = Math.max(1, Math.min(BLOCKS, sources.length));
    double[][] dep = new double[blocks][];
    double[][] sum = new double[blocks][];
    double[][] sq = new double[blocks][];
    boolean distances = anySampled;
    // Scratch of a finished block is taken up by the next one on any thread (it is reset where
    // touched), so the n-sized arrays are allocated once per thread, not once per block.
    ConcurrentLinkedQueue<Dijkstra> idle = new ConcurrentLinkedQueue<>();
    Cpu.claim(blocks, workerCpu, b -> {
      Dijkstra reused = idle.poll();
      Dijkstra d = reused != null ? reused : new Dijkstra(n, local.offsets(), local.targets(), local.length());
      double[] myDep = new double[n];
      double[] mySum = distances ? new double[n] : new double[0];
      double[] mySq = distances ? new double[n] : new double[0];
      // Source i goes to block i mod blocks: sources come grouped by component, and a run in a
      // large component costs what thousands in small ones do, so contiguous ranges would leave
      // one block with all the work and the other threads idle.
      for (int i = b; i < sources.length; i += blocks) {
        int s = sources[i];
        int ls = local.toNew()[s];
        d.run(ls);
        double total = 0;
        for (int j = 0; j < d.settled; j++) {
          int v = d.order[j];
          double dv = d.dist(v);
          total += dv;
          if (v != ls) {
            myDep[v] += d.delta(v);
            if (distances) {
              mySum[v] += dv;
              mySq[v] += dv * dv;
            }
          }
        }
        int reached = d.settled;
        closeness[s] = total > 0 && n > 1 ? (reached - 1.0) / total * ((reached - 1.0) / (n - 1)) : 0.0;
      }
      idle.add(d);
      dep[b] = reorder ? local.toOldOrder(myDep) : myDep;
      sum[b] = distances && reorder ? local.toOldOrder(mySum) : mySum;
      sq[b] = distances && reorder ? local.toOldOrder(mySq) : mySq;
    });
    double[] betweenness = new double[n];
    for (int b = 0; b < blocks; b++) {
      for (int v = 0; v < n; v++) {
        betweenness[v] += dep[b][v];
      }
    }
    double scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
    if (!anySampled) {
      for (int v = 0; v < n; v++) {
        betweenness[v] *= scale;
      }
      return new Result(betweenness, closeness,
          Exactness.exact("Brandes, Dijkstra from every node"),
          Exactness.exact("Dijkstra from every node"));
    }
    boolean[] isSource = new boolean[n];
    for (int s : sources) {
      isSource[s] = true;
    }
    double betweennessBound = 0;
    double closenessBound = 0;
    int sampledSources = 0;
    for (int c = 0; c < sampled.length; c++) {
      if (sampled[c]) {
        sampledSources += k[c];
        double size = comps.size[c];
        double range = (size - 1) * (size - 2) * scale;
        betweennessBound = Math.max(betweennessBound,
            range * Math.sqrt(Math.log(2.0 * n / CONFIDENCE_DELTA) / (2.0 * (k[c] - 1))));
      }
    }
    for (int v = 0; v < n; v++) {
      int c = comps.component[v];
      if (!sampled[c]) {
        betweenness[v] *= scale;
        continue;
      }
      int size = comps.size[c];
      int kv = k[c] - (isSource[v] ? 1 : 0);
      betweenness[v] = betweenness[v] / kv * (size - 1) * scale;
      if (isSource[v]) {
        continue;
      }
      double s = 0;
      double s2 = 0;
      for (int b = 0; b < blocks; b++) {
        s += sum[b][v];
        s2 += sq[b][v];
      }
      double mean = s / kv;
      closeness[v] = (size - 1.0) / ((n - 1.0) * mean);
      double variance = Math.max(0, (s2 - kv * mean * mean) / (kv - 1));
      double population = size - 1.0;
      double halfWidth = Z_95 * Math.sqrt(variance / kv) * Math.sqrt((population - kv) / (population - 1));
      closenessBound = Math.max(closenessBound, closeness[v] * halfWidth / mean);
    }
    return new Result(betweenness, closeness,
        Exactness.sampled(sampledSources, betweennessBound,
            "Brandes from sampled sources; with probability >= 95% every value is within the bound"
                + " (Hoeffding, union over all nodes)"),
        Exactness.sampled(sampledSources, closenessBound,
            "mean distance to sampled sources (Eppstein-Wang); the bound is the largest per-node"
                + " normal-approximation 95% half-width"));
  }

  /** Chooses the sources; fills {@code sampled} and {@code k} for components that are sampled. */
  private static int[] plan(int n, MetricOptions o, Components comps, boolean[] sampled, int[] k) {
    int count = comps.count();
    int[] start = new int[count + 1];
    for (int c = 0; c < count; c++) {
      start[c + 1] = start[c] + comps.size[c];
    }
    int[] members = new int[n];
    int[] cursor = Arrays.copyOf(start, count);
    for (int v = 0; v < n; v++) {
      members[cursor[comps.component[v]]++] = v;
    }
    int[] sources = new int[n];
    int size = 0;
    for (int c = 0; c < count; c++) {
      int cs = comps.size[c];
      int kc = (int) Math.min(cs, Math.max(3, Math.ceil((double) o.samples() * cs / n)));
      if (cs <= o.samples() || kc >= cs) {
        System.arraycopy(members, start[c], sources, size, cs);
        size += cs;
        continue;
      }
      sampled[c] = true;
      k[c] = kc;
      SplittableRandom random = new SplittableRandom(o.seed() * 0x9E3779B97F4A7C15L + c);
      int[] pool = Arrays.copyOfRange(members, start[c], start[c + 1]);
      for (int i = 0; i < kc; i++) {
        int j = i + random.nextInt(cs - i);
        int tmp = pool[i];
        pool[i] = pool[j];
        pool[j] = tmp;
      }
      Arrays.sort(pool, 0, kc);
      System.arraycopy(pool, 0, sources, size, kc);
      size += kc;
    }
    return Arrays.copyOf(sources, size);
  }
}
