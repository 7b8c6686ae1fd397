package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.PulseSettings;
import io.convener.core.Conveners;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds are per tenant, admin-only, saved in the store, and k never goes below 3. */
class PulseSettingsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final PulseRequest TINY = PulseRequest.of(PulseScope.team(PlantedPulseScenario.TINY), PlantedPulseScenario.AS_OF);

  @TempDir Path dir;

  private Convener open() {
    return Conveners.builder().database("jdbc:h2:file:" + dir.resolve("db")).build();
  }

  @Test
  void aLowerKShowsTheTeamOfFourAndSurvivesARestart() {
    try (Convener c = open()) {
      PlantedPulseScenario scenario = PlantedPulseScenario.standard();
      c.ingest().submit(ADMIN, scenario.members(), scenario.events());
      assertThat(c.pulse().settings(ADMIN)).isEqualTo(PulseSettings.defaults());
      assertThat(c.pulse().report(ADMIN, TINY).isSuppressed()).isTrue();
      c.pulse().configure(ADMIN, PulseSettings.builder().minGroupSize(3).build());
      assertThat(c.pulse().report(ADMIN, TINY).isSuppressed()).isFalse();
      assertThat(c.pulse().report(ADMIN, TINY).metrics().members()).isEqualTo(4);
      assertThatThrownBy(() -> c.pulse().configure(Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER),
          PulseSettings.defaults())).isInstanceOf(AccessDeniedException.class);
      Principal other = Principal.of(TenantId.of("globex"), "admin", Role.ADMIN);
      assertThat(c.pulse().settings(other)).isEqualTo(PulseSettings.defaults());
    }
    try (Convener c = open()) {
      assertThat(c.pulse().settings(ADMIN).minGroupSize()).isEqualTo(3);
      assertThat(c.pulse().report(ADMIN, TINY).isSuppressed()).isFalse();
    }
    assertThatThrownBy(() -> PulseSettings.builder().minGroupSize(2).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minGroupSize");
  }
}
