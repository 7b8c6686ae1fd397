package io.convener.core.champion;

import java.util.Arrays;

/**
 * Counts and sums per ordered pair of nodes, in primitive open-addressing arrays: the input of
 * diminishing returns, where the k-th reaction or endorsement from one person to another counts
 * less than the first. Not thread-safe.
 */
final class PairCounter {
  private static final long EMPTY = -1L;

  private long[] keys;
  private int[] counts;
  private double[] sums;
  private int size;

  PairCounter() {
    keys = new long[16];
    Arrays.fill(keys, EMPTY);
    counts = new int[16];
    sums = new double[16];
  }

  static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  /** Adds one occurrence of weight {@code w} from {@code from} to {@code to}; returns the pair's slot. */
  int add(int from, int to, double w) {
    if (size * 2 >= keys.length) {
      rehash();
    }
    long k = key(from, to);
    int slot = slot(k, keys.length);
    while (keys[slot] != EMPTY && keys[slot] != k) {
      slot = (slot + 1) & (keys.length - 1);
    }
    if (keys[slot] == EMPTY) {
      keys[slot] = k;
      size++;
    }
    counts[slot]++;
    sums[slot] += w;
    return slot;
  }

  /** The slot of the pair, or -1 when it was never added. */
  int find(int from, int to) {
    long k = key(from, to);
    int slot = slot(k, keys.length);
    while (keys[slot] != EMPTY) {
      if (keys[slot] == k) {
        return slot;
      }
      slot = (slot + 1) & (keys.length - 1);
    }
    return -1;
  }

  /** Occurrences of the pair in {@code slot}, as of the last {@link #add}. */
  int count(int slot) {
    return counts[slot];
  }

  /** Total weight of the pair in {@code slot}. */
  double sum(int slot) {
    return sums[slot];
  }

  /** Distinct pairs. */
  int size() {
    return size;
  }

  /** Heap held by the arrays (array headers included). */
  long estimatedHeapBytes() {
    return 3 * 16L + 20L * keys.length;
  }

  private static int slot(long k, int capacity) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (capacity - 1);
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    double[] oldSums = sums;
    int n = oldKeys.length * 2;
    keys = new long[n];
    Arrays.fill(keys, EMPTY);
    counts = new int[n];
    sums = new double[n];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i], n);
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & (n - 1);
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
        sums[slot] = oldSums[i];
      }
    }
  }

  /**
   * The credit of {@code k} occurrences with total weight {@code sum} under diminishing returns:
   * the mean weight times {@code 1 + d + d^2 + ... + d^(k-1)}, so that a pair's credit never
   * exceeds the mean weight times {@code 1 / (1 - d)}. With {@code d = 1} it is the plain sum.
   */
  static double credit(int k, double sum, double d) {
    if (d >= 1) {
      return sum;
    }
    return sum / k * (1 - Math.pow(d, k)) / (1 - d);
  }

  /** Visits every pair with its damped credit. */
  void forEach(double decay, PairConsumer c) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        c.accept((int) (keys[i] >>> 32), (int) keys[i], counts[i], credit(counts[i], sums[i], decay));
      }
    }
  }

  /** Receives one pair. */
  @FunctionalInterface
  interface PairConsumer {
    void accept(int from, int to, int count, double credit);
  }
}
