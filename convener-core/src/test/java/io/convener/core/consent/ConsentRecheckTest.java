package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.ConsentChangedException;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.profile.Profile;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The choke point's consent filter: a result naming somebody whose consent was withdrawn while it
 * was computed is discarded, and the call's entry says so.
 */
class ConsentRecheckTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANA = MemberId.of("ana");
  private static final Principal ANA_HERSELF = Principal.of(ACME, "ana", Role.MEMBER);
  private static final Principal LEAD = Principal.of(ACME, "lead", Role.TEAM_LEAD);

  private final Injector injector = Guice.createInjector(
      new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
      new JdbcStorageModule(JdbcSettings.inMemoryH2("recheck-" + UUID.randomUUID())));
  private final Convener convener = injector.getInstance(Convener.class);
  private final Gate gate = injector.getInstance(Gate.class);
  private final ConsentEngine consent;

  ConsentRecheckTest() {
    convener.start();
    consent = injector.getInstance(ConsentEngine.class);
    consent.grant(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE, "notice-1");
  }

  @AfterEach
  void close() {
    convener.close();
  }

  /** A service that discloses Ana, then (optionally) sees her consent withdrawn before it returns. */
  private Optional<Profile> careful(boolean withdrawMeanwhile) {
    return gate.invoke(LEAD, Invocation.of("test.profile", tenant -> {
          List<Disclosed<MemberId>> disclosed = consent.disclose(tenant, Purpose.PROFILE_SHARE, List.of(ANA)).disclosed();
          if (withdrawMeanwhile) {
            consent.revoke(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE);
          }
          return disclosed.stream().findFirst().map(d -> new Profile(d, Optional.empty(), Optional.empty()));
        })
        .roles(Role.TEAM_LEAD)
        .build());
  }

  @Test
  void aResultWhoseConsentStillHoldsPasses() {
    assertThat(careful(false)).hasValueSatisfying(p -> assertThat(p.member().value()).isEqualTo(ANA));
  }

  @Test
  void aWithdrawalDuringTheComputationDiscardsTheResultAndTheEntrySaysSo() {
    assertThatThrownBy(() -> careful(true)).isInstanceOf(ConsentChangedException.class);

    Principal auditor = Principal.of(ACME, "audit", Role.COMPLIANCE_OFFICER);
    assertThat(convener.provenance().query(auditor, ProvenanceQuery.builder().activity("test.profile").build()).entries())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.outcome().status()).isEqualTo(Outcome.Status.FAILED);
          assertThat(e.outcome().code()).isEqualTo("consent_changed");
        });
  }
}
