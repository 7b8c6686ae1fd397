package io.convener.testing.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PlanScenario}: deterministic, and its truth is what it says, over several seeds (printed). */
class PlanScenarioTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 42, 20261207})
  void theSameSeedGivesTheSameOrganisationAndTheTruthLiesAfterT(long seed) {
    System.out.println("PlanScenario seed " + seed);
    PlanScenario s = PlanScenario.builder(seed).teams(3, 4).artifacts(60, 10).build();
    assertThat(PlanScenario.builder(seed).teams(3, 4).artifacts(60, 10).build().events()).isEqualTo(s.events());

    Map<EventId, Event> byId = new HashMap<>();
    Map<MemberId, Set<EventId>> before = new HashMap<>();
    Map<MemberId, Set<EventId>> after = new HashMap<>();
    for (Event e : s.events()) {
      byId.put(e.id(), e);
      if (e.kind() == EventKind.APPLIED) {
        (e.at().isBefore(s.asOf()) ? before : after).computeIfAbsent(e.actor(), m -> new HashSet<>()).addAll(e.refs());
      }
    }
    assertThat(s.laterApplications().values().stream().mapToInt(Set::size).sum()).isPositive();
    s.laterApplications().forEach((m, truth) -> {
      assertThat(after.getOrDefault(m, Set.of())).containsAll(truth);
      for (EventId a : truth) {
        Event artifact = byId.get(a);
        assertThat(artifact.kind()).isEqualTo(EventKind.LEARNING);
        assertThat(artifact.at()).isBefore(s.asOf());
        assertThat(artifact.actor()).isNotEqualTo(m);
        assertThat(before.getOrDefault(m, Set.of())).doesNotContain(a);
      }
      List<EventId> popular = s.popular(m, 5);
      assertThat(popular).hasSize(5).doesNotContainAnyElementsOf(before.getOrDefault(m, Set.of()));
      assertThat(s.oracle(m, 5)).hasSize(5).doesNotContainAnyElementsOf(before.getOrDefault(m, Set.of()));
      assertThat(s.plannedTags(m)).singleElement().asString().startsWith("topic-");
    });
  }
}
