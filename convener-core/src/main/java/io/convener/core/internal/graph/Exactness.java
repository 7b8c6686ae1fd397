package io.convener.core.internal.graph;

import static java.util.Objects.requireNonNull;

/**
 * How a metric's values were obtained: exactly, or estimated from {@code samples} source nodes
 * with an {@code errorBound} whose meaning {@code method} states.
 *
 * @param exact whether every value is exact (up to floating point)
 * @param samples the number of sampled source nodes; 0 when exact
 * @param errorBound the stated bound on the absolute error of any value; 0 when exact
 * @param method how the values were computed and what the bound means, in words
 */
public record Exactness(boolean exact, int samples, double errorBound, String method) {
  public Exactness {
    requireNonNull(method, "method");
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be >= 0, was " + samples);
    }
    if (!(errorBound >= 0)) {
      throw new IllegalArgumentException("errorBound must be >= 0, was " + errorBound);
    }
    if (exact && (samples != 0 || errorBound != 0)) {
      throw new IllegalArgumentException("an exact value has no samples and no error bound");
    }
  }

  /** Exact values computed by {@code method}. */
  public static Exactness exact(String method) {
    return new Exactness(true, 0, 0, method);
  }

  /** Values estimated from {@code samples} sources, within {@code errorBound} as {@code method} says. */
  public static Exactness sampled(int samples, double errorBound, String method) {
    return new Exactness(false, samples, errorBound, method);
  }
}
