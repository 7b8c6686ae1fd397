package io.convener.api.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PurposeTest {
  @Test
  void theContractPurposesAreStandard() {
    assertThat(Purpose.standard()).extracting(Purpose::name).containsExactly(
        "champion.recommendation", "pulse.individual", "learning.attribution", "innovation.attribution",
        "profile.share");
    assertThat(Purpose.of("pulse.individual")).isEqualTo(Purpose.PULSE_INDIVIDUAL);
    assertThat(Purpose.PROFILE_SHARE.isStandard()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"host.analytics", "a.b", "team_health.weekly-digest", "a.b.c.d.e.f.g.h", "x1.y2"})
  void anOpenSetOfDottedNamesIsAccepted(String name) {
    assertThat(Purpose.of(name).name()).isEqualTo(name);
    assertThat(Purpose.of(name).isStandard()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "*", "champion.*", "*.recommendation", "champion", "", " ", "Champion.Recommendation", "champion..x",
    ".champion", "champion.", "champion recommendation", "1champion.x", "champion.1x", "a.b.c.d.e.f.g.h.i",
    "champion.recommendation ", "champion.réco", "champion/recommendation", "champion.%"
  })
  void malformedNamesAndWildcardsAreRejected(String name) {
    assertThatThrownBy(() -> Purpose.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no wildcard");
  }

  @Test
  void namesAreBoundedInLength() {
    String longest = "a." + "b".repeat(Purpose.MAX_LENGTH - 2);
    assertThat(Purpose.of(longest).name()).hasSize(Purpose.MAX_LENGTH);
    assertThatThrownBy(() -> Purpose.of(longest + "b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Purpose.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void policyDefaultsEnableTheStandardPurposesOnly() {
    assertThat(ConsentPolicy.defaults().enabled()).containsAll(Purpose.standard())
        .contains(ConsentPolicy.NOTIFICATION_DIRECT).hasSize(Purpose.standard().size() + 1);
    assertThat(ConsentPolicy.defaults().enables(Purpose.of("host.analytics"))).isFalse();
    ConsentPolicy one = ConsentPolicy.enabling(Purpose.PROFILE_SHARE, Purpose.PROFILE_SHARE);
    assertThat(one.enabled()).containsExactly(Purpose.PROFILE_SHARE);
    assertThat(ConsentPolicy.enabling().enabled()).isEmpty();
  }

  @Test
  void decisionsAndMethodsHaveStableWireNames() {
    assertThat(ConsentDecision.fromWireName("granted")).contains(ConsentDecision.GRANTED);
    assertThat(ConsentDecision.fromWireName("revoked")).contains(ConsentDecision.REVOKED);
    assertThat(ConsentDecision.fromWireName("GRANTED")).isEmpty();
    for (ConsentMethod m : ConsentMethod.values()) {
      assertThat(ConsentMethod.fromWireName(m.wireName())).contains(m);
    }
    assertThat(ConsentMethod.fromWireName("email")).isEmpty();
  }
}
