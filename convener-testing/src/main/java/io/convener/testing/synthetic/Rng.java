package io.convener.testing.synthetic;

import java.util.List;

/**
 * SplitMix64 random numbers with the few distributions the generator needs. Written out here, and
 * using {@link StrictMath} only, so that a seed gives the same numbers on every JVM, version and
 * platform. Not thread-safe: each generator run owns its instances.
 */
final class Rng {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  Rng(long seed) {
    this.state = mix(seed);
  }

  /** An independent stream for a named purpose, so adding draws to one part never shifts another. */
  static Rng derive(long seed, long stream) {
    return new Rng(mix(seed) ^ mix(stream * GOLDEN_GAMMA + 1));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound); {@code bound > 0}. */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) * bound >>> 31);
  }

  /** Uniform in [from, to] inclusive. */
  int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple). */
  double gaussian() {
    double u = 1.0 - nextDouble();
    double v = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
  }

  /** Lognormal with the given median and shape. */
  double lognormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian());
  }

  /** Poisson-distributed count with mean {@code lambda}. */
  int poisson(double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 30) {
      return Math.max(0, (int) Math.round(lambda + StrictMath.sqrt(lambda) * gaussian()));
    }
    double limit = StrictMath.exp(-lambda);
    double product = nextDouble();
    int count = 0;
    while (product > limit) {
      product *= nextDouble();
      count++;
    }
    return count;
  }

  /** A uniformly chosen element of a non-empty list. */
  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /** A uniformly chosen element of a non-empty array. */
  int pick(int[] items) {
    return items[nextInt(items.length)];
  }

  /** An index drawn in proportion to the increments of a cumulative weight array. */
  int weighted(double[] cumulative) {
    double x = nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
