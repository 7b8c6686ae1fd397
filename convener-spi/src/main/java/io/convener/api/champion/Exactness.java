package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

/**
 * How a metric was obtained: exactly, or estimated by sampling with a stated error bound.
 *
 * @param exact whether the values are exact
 * @param samples the number of sources sampled, 0 when exact
 * @param errorBound the stated bound on the absolute error of a normalised value, 0 when exact
 * @param method a short description, such as {@code brandes} or {@code brandes-pich source sampling}
 */
public record Exactness(boolean exact, int samples, double errorBound, String method) {
  /** Validates. */
  public Exactness {
    requireNonNull(method, "method");
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be >= 0, got " + samples);
    }
    if (!(errorBound >= 0)) {
      throw new IllegalArgumentException("errorBound must be >= 0, got " + errorBound);
    }
  }
}
