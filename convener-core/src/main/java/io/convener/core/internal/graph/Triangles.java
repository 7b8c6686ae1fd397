package io.convener.core.internal.graph;

import java.util.Arrays;

/**
 * Clustering, Burt's constraint and effective size from one pass over the triangles of the
 * undirected graph. With p(u,v) = w(u,v) / strength(u) and m(u,v) = w(u,v) / max_x w(u,x), the
 * NetworkX definitions (weight='weight') reduce to sums over triangles:
 *
 * <ul>
 *   <li>constraint(u) = Σ_{v∈N(u)} (p(u,v) + Σ_{w∈N(u)∩N(v)} p(u,w)·p(w,v))²
 *   <li>effective size(u) = deg(u) − Σ_{v∈N(u)} Σ_{w∈N(u)∩N(v)} p(u,w)·m(v,w)
 *   <li>clustering(u) = 2·T(u) / (deg(u)(deg(u)−1)) (unweighted, NetworkX {@code clustering(G)})
 * </ul>
 *
 * Triangles are listed once each by orienting every edge from lower to higher (degree, id) rank
 * (the "forward" algorithm, O(m^1.5)); both are NaN for isolated nodes, clustering 0 below degree 2.
 */
final class Triangles {
  private Triangles() {}

  record Result(double[] clustering, double[] constraint, double[] effectiveSize) {}

  static Result compute(InteractionGraph g) {
    int n = g.n;
    int[] off = g.offsets;
    int[] t = g.targets;
    int entries = t.length;
    double[] p = new double[entries];
    double[] maxWeight = new double[n];
    for (int a = 0; a < n; a++) {
      for (int e = off[a]; e < off[a + 1]; e++) {
        double w = g.undirected(e);
        p[e] = w / g.strength[a];
        maxWeight[a] = Math.max(maxWeight[a], w);
      }
    }
    int[] mirror = mirrors(g);
    // Forward lists: entries of row u pointing to higher-ranked neighbours.
    int[] fwdOff = new int[n + 1];
    for (int u = 0; u < n; u++) {
      int count = 0;
      for (int e = off[u]; e < off[u + 1]; e++) {
        if (higher(g, u, t[e])) {
          count++;
        }
      }
      fwdOff[u + 1] = fwdOff[u] + count;
    }
    int[] fwd = new int[fwdOff[n]];
    for (int u = 0, k = 0; u < n; u++) {
      for (int e = off[u]; e < off[u + 1]; e++) {
        if (higher(g, u, t[e])) {
          fwd[k++] = e;
        }
      }
    }
    long[] triangles = new long[n];
    double[] indirect = new double[entries];
    double[] redundancy = new double[n];
    int[] mark = new int[n];
    Arrays.fill(mark, -1);
    for (int a = 0; a < n; a++) {
      for (int i = fwdOff[a]; i < fwdOff[a + 1]; i++) {
        mark[t[fwd[i]]] = fwd[i];
      }
      for (int i = fwdOff[a]; i < fwdOff[a + 1]; i++) {
        int ab = fwd[i];
        int b = t[ab];
        for (int j = fwdOff[b]; j < fwdOff[b + 1]; j++) {
          int bc = fwd[j];
          int c = t[bc];
          int ac = mark[c];
          if (ac < 0) {
            continue;
          }
          int ba = mirror[ab];
          int ca = mirror[ac];
          int cb = mirror[bc];
          triangles[a]++;
          triangles[b]++;
          triangles[c]++;
          indirect[ab] += p[ac] * p[cb];
          indirect[ba] += p[bc] * p[ca];
          indirect[ac] += p[ab] * p[bc];
          indirect[ca] += p[cb] * p[ba];
          indirect[bc] += p[ba] * p[ac];
          indirect[cb] += p[ca] * p[ab];
          double wab = g.undirected(ab);
          double wac = g.undirected(ac);
          double wbc = g.undirected(bc);
          redundancy[a] += p[ac] * wbc / maxWeight[b] + p[ab] * wbc / maxWeight[c];
          redundancy[b] += p[bc] * wac / maxWeight[a] + p[ba] * wac / maxWeight[c];
          redundancy[c] += p[cb] * wab / maxWeight[a] + p[ca] * wab / maxWeight[b];
        }
      }
      for (int i = fwdOff[a]; i < fwdOff[a + 1]; i++) {
        mark[t[fwd[i]]] = -1;
      }
    }
    double[] clustering = new double[n];
    double[] constraint = new double[n];
    double[] effectiveSize = new double[n];
    for (int u = 0; u < n; u++) {
      int deg = off[u + 1] - off[u];
      clustering[u] = deg < 2 ? 0.0 : 2.0 * triangles[u] / ((double) deg * (deg - 1));
      if (deg == 0) {
        constraint[u] = Double.NaN;
        effectiveSize[u] = Double.NaN;
        continue;
      }
      double c = 0;
      for (int e = off[u]; e < off[u + 1]; e++) {
        double local = p[e] + indirect[e];
        c += local * local;
      }
      constraint[u] = c;
      effectiveSize[u] = deg - redundancy[u];
    }
    return new Result(clustering, constraint, effectiveSize);
  }

  /** Whether {@code v} ranks above {@code u}: larger degree, ties by larger id. */
  private static boolean higher(InteractionGraph g, int u, int v) {
    int du = g.offsets[u + 1] - g.offsets[u];
    int dv = g.offsets[v + 1] - g.offsets[v];
    return du < dv || (du == dv && u < v);
  }

  /** For every entry u→v, the index of the entry v→u. */
  static int[] mirrors(InteractionGraph g) {
    int n = g.n;
    int[] mirror = new int[g.targets.length];
    int[] cursor = Arrays.copyOf(g.offsets, n);
    for (int u = 0; u < n; u++) {
      for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        mirror[e] = cursor[g.targets[e]]++;
      }
    }
    return mirror;
  }
}
