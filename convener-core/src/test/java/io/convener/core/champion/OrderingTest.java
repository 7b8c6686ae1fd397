package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import org.junit.jupiter.api.Test;

/** Candidates are ordered by score, highest first, and equal scores by member id. */
class OrderingTest {
  @Test
  void ordersByScoreThenById() {
    double[] score = {0.5, 0.9, 0.5, 0.1, 0.9, 0.5};
    String[] ids = {"m", "z", "b", "a", "c", "k"};
    int[] out = Ordering.byScore(new int[] {0, 1, 2, 3, 4, 5}, score, v -> MemberId.of(ids[v]));
    assertThat(out).containsExactly(4, 1, 2, 5, 0, 3);
    assertThat(Ordering.byScore(new int[] {3, 0}, score, v -> MemberId.of(ids[v]))).containsExactly(0, 3);
    assertThat(Ordering.byScore(new int[0], score, v -> MemberId.of(ids[v]))).isEmpty();
  }
}
