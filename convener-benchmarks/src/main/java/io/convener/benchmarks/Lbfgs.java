package io.convener.benchmarks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, <i>Numerical Optimization</i>, algorithm 7.4 with the
 * two-loop recursion 7.5) with a backtracking line search on the Armijo condition, for the smooth
 * objectives of the fitting runners. Hand-written because commons-math3 has no quasi-Newton
 * optimiser and the maintained Java libraries that do are GPL. Deterministic; not thread-safe.
 */
final class Lbfgs {
  /** An objective: returns f(x) and writes its gradient into {@code grad}. */
  interface Objective {
    double valueAndGradient(double[] x, double[] grad);
  }

  /**
   * The result of a minimisation.
   *
   * @param x the minimiser found
   * @param value the objective there
   * @param iterations how many iterations ran
   * @param gradientNorm the Euclidean norm of the gradient there
   */
  record Result(double[] x, double value, int iterations, double gradientNorm) {}

  private static final int MEMORY = 10;

  private Lbfgs() {}

  /** Minimises from {@code start} until the gradient norm is under {@code tolerance}, or for {@code maxIterations}. */
  static Result minimise(Objective f, double[] start, double tolerance, int maxIterations) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    Deque<double[][]> memory = new ArrayDeque<>(); // {s, y, {rho}}, newest first
    int it = 0;
    while (it < maxIterations && norm(g) > tolerance) {
      double[] d = direction(g, memory);
      if (dot(d, g) >= 0) { // not a descent direction: restart from steepest descent
        memory.clear();
        d = scaled(g, -1);
      }
      double step = 1;
      double[] xNew = new double[n];
      double[] gNew = new double[n];
      double fNew;
      while (true) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = f.valueAndGradient(xNew, gNew);
        if (fNew <= fx + 1e-4 * step * dot(g, d) || step < 1e-12) {
          break;
        }
        step /= 2;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-12) { // keep the curvature pairs that keep the approximation positive definite
        memory.addFirst(new double[][] {s, y, {1 / sy}});
        if (memory.size() > MEMORY) {
          memory.removeLast();
        }
      }
      x = xNew;
      g = gNew;
      fx = fNew;
      it++;
      if (step < 1e-12) {
        break;
      }
    }
    return new Result(x, fx, it, norm(g));
  }

  /** The two-loop recursion: −H·g for the inverse Hessian approximation H of the stored pairs. */
  private static double[] direction(double[] g, Deque<double[][]> memory) {
    double[] q = g.clone();
    double[] alpha = new double[memory.size()];
    int k = 0;
    for (double[][] m : memory) {
      alpha[k] = m[2][0] * dot(m[0], q);
      axpy(-alpha[k++], m[1], q);
    }
    if (!memory.isEmpty()) {
      double[][] newest = memory.getFirst();
      double gamma = dot(newest[0], newest[1]) / dot(newest[1], newest[1]);
      q = scaled(q, gamma);
    }
    k = memory.size() - 1;
    for (Iterator<double[][]> i = memory.descendingIterator(); i.hasNext(); k--) {
      double[][] m = i.next();
      double beta = m[2][0] * dot(m[1], q);
      axpy(alpha[k] - beta, m[0], q);
    }
    return scaled(q, -1);
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] scaled(double[] v, double a) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = a * v[i];
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }
}
