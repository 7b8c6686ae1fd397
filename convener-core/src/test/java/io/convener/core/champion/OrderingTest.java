package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Candidates are ordered by score, highest first, and equal scores by member id. */
class OrderingTest {
  @Test
  void ordersByScoreThenById() {
    double[] score = {0.5, 0.9, 0.5, 0.1, 0.9, 0.5};
    String[] ids = {"m", "z", "b", "a", "c", "k"};
    assertThat(Ordering.top(new int[] {0, 1, 2, 3, 4, 5}, score, v -> MemberId.of(ids[v]), 6))
        .containsExactly(4, 1, 2, 5, 0, 3);
    assertThat(Ordering.top(new int[] {3, 0}, score, v -> MemberId.of(ids[v]), 5)).containsExactly(0, 3);
    assertThat(Ordering.top(new int[0], score, v -> MemberId.of(ids[v]), 3)).isEmpty();
  }

  @Test
  void theTopKAreTheFirstKOfAFullSort() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 500;
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      score[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(40) / 8.0; // many ties
    }
    int[] nodes = IntStream.range(0, n).filter(v -> v % 7 != 3).toArray();
    // the full order, by a plain comparator sort
    int[] all = IntStream.of(nodes).boxed()
        .sorted(Comparator.comparingDouble((Integer v) -> -score[v]).thenComparing(v -> MemberId.of("m" + v)))
        .mapToInt(Integer::intValue).toArray();
    for (int k : new int[] {0, 1, 2, 20, 56, nodes.length - 1, nodes.length, nodes.length + 10}) {
      assertThat(Ordering.top(nodes, score, v -> MemberId.of("m" + v), k))
          .as("k=%d", k)
          .containsExactly(Arrays.copyOf(all, Math.min(k, all.length)));
    }
  }
}
