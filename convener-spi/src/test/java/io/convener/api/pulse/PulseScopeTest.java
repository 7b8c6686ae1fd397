package io.convener.api.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.CohortId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scope's wire name reads back as the same scope; anything else is refused, naming the forms. */
class PulseScopeTest {
  @Test
  void everyKindOfScopeReadsBackFromItsWireName() {
    for (PulseScope scope : List.of(PulseScope.team(TeamId.of("platform")), PulseScope.cohort(CohortId.of("2026:spring")),
        PulseScope.org(OrgUnit.of("eng/platform")), PulseScope.tenant())) {
      assertThat(PulseScope.parse(scope.wireName())).isEqualTo(scope);
    }
    assertThat(PulseScope.parse("team:a:b")).isEqualTo(PulseScope.team(TeamId.of("a:b")));
  }

  @Test
  void otherTextIsRefused() {
    for (String bad : List.of("", "team", "team:", "squad:x", "tenant:acme", "org:eng//x", "Team:x")) {
      assertThatThrownBy(() -> PulseScope.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> PulseScope.parse("squad:x")).hasMessageContaining("team:T, cohort:C, org:PATH or tenant");
  }
}
