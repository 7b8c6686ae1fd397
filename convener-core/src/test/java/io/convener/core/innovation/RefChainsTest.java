package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing refs[0] chains: any length without recursion, and cycles written out. */
class RefChainsTest {
  @Test
  void aChainOfTwoHundredThousandAdoptionsEndsAtItsRoot() {
    Map<EventId, EventId> source = new HashMap<>();
    int n = 200_000;
    for (int i = 1; i <= n; i++) {
      source.put(EventId.of("a" + i), EventId.of(i == 1 ? "i1" : "a" + (i - 1)));
    }
    RefChains chains = new RefChains(source);
    assertThat(chains.trace(EventId.of("a" + n))).isEqualTo(new RefChains.Root(EventId.of("i1"), n));
    assertThat(chains.trace(EventId.of("a7"))).isEqualTo(new RefChains.Root(EventId.of("i1"), 7));
  }

  @Test
  void aChainIntoACycleIsWrittenOutToTheFirstRepeat() {
    RefChains chains = new RefChains(Map.of(
        EventId.of("a1"), EventId.of("a2"), EventId.of("a2"), EventId.of("a3"), EventId.of("a3"), EventId.of("a2"),
        EventId.of("b1"), EventId.of("i9")));
    assertThat(chains.trace(EventId.of("a3"))).isInstanceOfSatisfying(RefChains.Cycle.class,
        c -> assertThat(c.describe()).isEqualTo("a3 → a2 → a3"));
    assertThat(chains.trace(EventId.of("a1"))).isInstanceOfSatisfying(RefChains.Cycle.class,
        c -> assertThat(c.describe()).isEqualTo("a1 → a2 → a3 → a2"));
    assertThat(chains.trace(EventId.of("b1"))).isEqualTo(new RefChains.Root(EventId.of("i9"), 1));
    assertThat(chains.isAdoption(EventId.of("i9"))).isFalse();
  }
}
