package io.convener.testing.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator: determinism, a traceable truth for every outcome, and noise that does what it says. */
class LearningScenarioTest {
  @Test
  void sameSeedSameOrganisation() {
    LearningScenario a = LearningScenario.builder(5).outcomes(60).build();
    LearningScenario b = LearningScenario.builder(5).outcomes(60).build();
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.members()).isEqualTo(b.members());
    assertThat(a.originators()).isEqualTo(b.originators());
    assertThat(LearningScenario.builder(6).outcomes(60).build().events()).isNotEqualTo(a.events());
  }

  @Test
  void everyOutcomeHasAnOriginatorWhoPublishedLearningBeforeIt() {
    LearningScenario s = LearningScenario.builder(8).outcomes(80).build();
    List<Event> outcomes = s.events().stream().filter(e -> e.kind() == EventKind.OUTCOME).toList();
    assertThat(outcomes).hasSize(80);
    assertThat(s.originators().keySet()).containsExactlyElementsOf(outcomes.stream().map(Event::id).toList());
    for (Event o : outcomes) {
      MemberId originator = s.originators().get(o.id());
      assertThat(s.events()).anyMatch(e -> e.kind() == EventKind.LEARNING && e.actor().equals(originator)
          && e.at().isBefore(o.at()));
      assertThat(o.team()).isPresent();
      assertThat(o.attrs().number("value")).isPresent();
    }
    assertThat(s.events()).isSortedAccordingTo(Comparator.comparing(Event::at));
    assertThat(s.events()).extracting(e -> e.id().value()).isSorted();
  }

  @Test
  void withoutNoiseEveryOutcomeRefersToItsLineage() {
    LearningScenario s = LearningScenario.builder(9).noise(0).outcomes(60).build();
    Map<EventId, Event> byId = new HashMap<>();
    s.events().forEach(e -> byId.put(e.id(), e));
    for (Map.Entry<EventId, MemberId> truth : s.originators().entrySet()) {
      Event o = byId.get(truth.getKey());
      assertThat(o.refs()).singleElement().satisfies(ref -> {
        Event r = byId.get(ref);
        Event learning = r.kind() == EventKind.APPLIED ? byId.get(r.refs().get(0)) : r;
        assertThat(learning.kind()).isEqualTo(EventKind.LEARNING);
        assertThat(learning.actor()).isEqualTo(truth.getValue());
      });
    }
  }

  @Test
  void noiseRemovesReferencesAddsDecoysAndPeopleInSeveralTeams() {
    LearningScenario clean = LearningScenario.builder(3).noise(0).outcomes(100).build();
    LearningScenario noisy = LearningScenario.builder(3).noise(0.8).outcomes(100).build();
    assertThat(withoutRefs(noisy)).isGreaterThan(withoutRefs(clean) + 50);
    assertThat(noisy.events().size()).isGreaterThan(clean.events().size());
    assertThat(multiTeam(noisy)).isGreaterThan(multiTeam(clean));
    Set<TeamId> teams = noisy.members().stream().flatMap(m -> m.teams().stream()).collect(Collectors.toSet());
    assertThat(teams).hasSize(10);
  }

  private static long withoutRefs(LearningScenario s) {
    return s.events().stream().filter(e -> e.kind() == EventKind.OUTCOME && e.refs().isEmpty()).count();
  }

  private static long multiTeam(LearningScenario s) {
    return s.members().stream().map(Member::teams).filter(t -> t.size() > 1).count();
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> LearningScenario.builder(1).noise(1.5)).hasMessageContaining("noise");
    assertThatThrownBy(() -> LearningScenario.builder(1).outcomes(0)).hasMessageContaining("outcomes");
    assertThatThrownBy(() -> LearningScenario.builder(1).teams(1, 8)).hasMessageContaining("teams");
  }
}
