package io.convener.core.pulse;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The members of one scope as rollup indexes, ascending, each with the spans of time they belonged
 * to it: {@code spans[i]} is null when member {@code i} always belonged, else the sorted,
 * disjoint intervals {@code [from0, until0, from1, until1, …]} in epoch milliseconds (half open;
 * {@code Long.MAX_VALUE} for "still"). An event of a member counts for the scope when its instant
 * lies in one of the member's spans. Immutable once built; not copied, so callers do not change
 * the arrays.
 *
 * @param members rollup indexes, ascending
 * @param spans per member, null for always, else their spans
 */
record ScopeMembers(int[] members, long @Nullable [][] spans) {
  /** Members who always belonged. */
  static ScopeMembers always(int[] members) {
    return new ScopeMembers(members, new long[members.length][]);
  }

  /** How many members there are. */
  int size() {
    return members.length;
  }

  /** Whether every member always belonged (a scope without history). */
  boolean timeless() {
    for (long[] s : spans) {
      if (s != null) {
        return false;
      }
    }
    return true;
  }

  /** The members who belonged at some instant of {@code [from, until)}, with their spans. */
  ScopeMembers during(long from, long until) {
    int[] m = new int[members.length];
    long[][] s = new long[members.length][];
    int n = 0;
    for (int i = 0; i < members.length; i++) {
      if (overlaps(spans[i], from, until)) {
        m[n] = members[i];
        s[n++] = spans[i];
      }
    }
    return n == members.length ? this : new ScopeMembers(Arrays.copyOf(m, n), Arrays.copyOf(s, n));
  }

  /**
   * The parts of {@code [from, until)} in which member {@code i} belonged, as {@code [from0,
   * until0, …]}: the whole window when they always did.
   */
  long[] within(int i, long from, long until) {
    long[] s = spans[i];
    if (s == null) {
      return new long[] {from, until};
    }
    long[] out = new long[s.length];
    int n = 0;
    for (int j = 0; j < s.length; j += 2) {
      long a = Math.max(from, s[j]);
      long b = Math.min(until, s[j + 1]);
      if (a < b) {
        out[n++] = a;
        out[n++] = b;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean overlaps(long @Nullable [] spans, long from, long until) {
    if (spans == null) {
      return true;
    }
    for (int j = 0; j < spans.length; j += 2) {
      if (spans[j] < until && spans[j + 1] > from) {
        return true;
      }
    }
    return false;
  }
}
