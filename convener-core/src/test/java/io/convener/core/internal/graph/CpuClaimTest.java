package io.convener.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class CpuClaimTest {
  @Test
  void everyTaskRunsExactlyOnce() {
    for (int tasks : new int[] {0, 1, 2, 7, 1000}) {
      AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
      Cpu.claim(tasks, new LongAdder(), runs::incrementAndGet);
      for (int t = 0; t < tasks; t++) {
        assertThat(runs.get(t)).as("task %d of %d", t, tasks).isEqualTo(1);
      }
    }
  }

  @Test
  void aFailingTaskFailsTheCallAfterTheOthersStopped() {
    AtomicIntegerArray runs = new AtomicIntegerArray(200);
    assertThatThrownBy(() -> Cpu.claim(200, new LongAdder(), t -> {
      runs.incrementAndGet(t);
      if (t == 50) {
        throw new IllegalStateException("task 50");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("task 50");
    for (int t = 0; t < 200; t++) {
      assertThat(runs.get(t)).as("task %d", t).isLessThanOrEqualTo(1);
    }
  }
}
