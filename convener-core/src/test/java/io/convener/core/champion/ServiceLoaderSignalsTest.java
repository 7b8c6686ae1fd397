package io.convener.core.champion;

import static io.convener.core.champion.Scenario.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.RankedMember;
import io.convener.core.Conveners;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signals are found through ServiceLoader only when the host installs {@link ServiceLoaderSignals}. */
class ServiceLoaderSignalsTest {
  @Test
  void discoveredSignalsJoinTheScoreWithTheirDefaultWeight() {
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:sl-" + UUID.randomUUID()).inMemoryKeys()
        .module(new ServiceLoaderSignals()).build()) {
      Scenario s = new Scenario(c, "sl").base();
      ChampionRanking r = c.champions().rank(s.admin, ChampionQuery.builder().asOf(AS_OF).build());
      assertThat(r.signals()).containsEntry("talks", 0.1);
      RankedMember e = r.champions().stream().filter(x -> x.member().value().value().equals("e")).findFirst()
          .orElseThrow();
      assertThat(e.components()).containsEntry("talks", 1.0);
      assertThat(e.score()).as("the base score plus 0.1 for the signal").isCloseTo(0.279396801396 + 0.1, within(1e-9));
      assertThat(e.evidence().signals()).containsEntry("talks", java.util.List.of("talk T1"));
    }
  }

  @Test
  void withoutTheModuleNoSignalIsDiscovered() {
    try (Convener c = Scenario.open()) {
      Scenario s = new Scenario(c, "none").base();
      assertThat(c.champions().rank(s.admin, ChampionQuery.builder().asOf(AS_OF).build()).signals()).isEmpty();
    }
  }
}
