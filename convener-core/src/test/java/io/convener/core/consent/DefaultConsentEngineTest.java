package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultConsentEngineTest {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");
  static final Purpose CHAMPION = Purpose.CHAMPION_RECOMMENDATION;
  static final Purpose PROFILE = Purpose.PROFILE_SHARE;
  static final String NOTICE = "notice-2026-03";

  private final GateFixture f = new GateFixture();
  private final DefaultConsentEngine gate = f.gate;

  @AfterEach
  void close() {
    f.close();
  }

  static Principal member(TenantId tenant, MemberId id) {
    return Principal.of(tenant, id.value(), Role.MEMBER);
  }

  static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin-1", Role.ADMIN);
  }

  @Test
  void aMemberGrantsAndRevokesTheirOwnConsentAndTheHistoryKeepsBoth() {
    ConsentRecord granted = gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);

    assertThat(granted.decision()).isEqualTo(ConsentDecision.GRANTED);
    assertThat(granted.method()).isEqualTo(ConsentMethod.API);
    assertThat(granted.recordedBy()).isEqualTo("ana");
    assertThat(granted.noticeVersion()).contains(NOTICE);
    assertThat(granted.at()).isEqualTo(GateFixture.START);
    assertThat(gate.check(ACME, ANA, CHAMPION)).isTrue();
    assertThat(gate.list(ACME, CHAMPION)).containsExactly(ANA);
    assertThat(gate.check(ACME, ANA, PROFILE)).as("consent is per purpose").isFalse();
    assertThat(gate.current(ACME, ANA, CHAMPION)).contains(granted);

    f.clock.advance(Duration.ofMinutes(5));
    ConsentRecord revoked = gate.revoke(member(ACME, ANA), ANA, CHAMPION);

    assertThat(revoked.decision()).isEqualTo(ConsentDecision.REVOKED);
    assertThat(revoked.noticeVersion()).isEmpty();
    assertThat(gate.check(ACME, ANA, CHAMPION)).isFalse();
    assertThat(gate.list(ACME, CHAMPION)).isEmpty();
    assertThat(gate.current(ACME, ANA, CHAMPION)).contains(revoked);
    assertThat(gate.history(ACME, ANA)).containsExactly(granted, revoked);
    assertThat(gate.record(ACME, granted.id())).as("the old receipt stays").contains(granted);
    assertThat(gate.version(ACME)).isEqualTo(2);
  }

  @Test
  void revokingIsAsEasyAsGrantingAndAllowedWithNothingToRevoke() {
    ConsentRecord revoked = gate.revoke(member(ACME, BO), BO, PROFILE);
    assertThat(gate.history(ACME, BO)).containsExactly(revoked);
    assertThat(gate.check(ACME, BO, PROFILE)).isFalse();
  }

  @Test
  void everythingUnknownIsDenied() {
    gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);

    assertThat(gate.check(ACME, BO, CHAMPION)).as("no record").isFalse();
    assertThat(gate.check(GLOBEX, ANA, CHAMPION)).as("another tenant").isFalse();
    assertThat(gate.check(TenantId.of("never-seen"), ANA, CHAMPION)).as("unknown tenant").isFalse();
    assertThat(gate.check(ACME, ANA, Purpose.of("host.analytics"))).as("unknown purpose").isFalse();
    assertThat(gate.list(TenantId.of("never-seen"), CHAMPION)).isEmpty();
    assertThat(gate.history(ACME, BO)).isEmpty();
    assertThat(gate.current(ACME, BO, CHAMPION)).isEmpty();
    assertThat(gate.version(TenantId.of("never-seen"))).isZero();
  }

  @Test
  void anExpiredGrantIsNotInForce() {
    gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE, Optional.of(GateFixture.START.plusSeconds(60)));
    gate.grant(member(ACME, BO), BO, CHAMPION, NOTICE);
    assertThat(gate.check(ACME, ANA, CHAMPION)).isTrue();
    assertThat(gate.list(ACME, CHAMPION)).containsExactly(ANA, BO);

    f.clock.advance(Duration.ofSeconds(60));

    assertThat(gate.check(ACME, ANA, CHAMPION)).isFalse();
    assertThat(gate.list(ACME, CHAMPION)).containsExactly(BO);
    Disclosure<MemberId> d = gate.disclose(ACME, CHAMPION, List.of(ANA, BO));
    assertThat(d.disclosed()).extracting(Disclosed::value).containsExactly(BO);
    assertThat(d.withheld()).isEqualTo(1);
    assertThat(gate.current(ACME, ANA, CHAMPION)).as("still the current record, expired")
        .hasValueSatisfying(r -> assertThat(r.decision()).isEqualTo(ConsentDecision.GRANTED));
  }

  @Test
  void expiryMustLieInTheFutureAndANoticeVersionIsRequired() {
    assertThatThrownBy(() -> gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE, Optional.of(GateFixture.START)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future");
    assertThatThrownBy(() -> gate.grant(member(ACME, ANA), ANA, CHAMPION, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noticeVersion");
    assertThat(gate.history(ACME, ANA)).isEmpty();
  }

  @Test
  void aPurposeTheTenantDoesNotEnableIsDeniedForEverybody() {
    gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);
    gate.grant(member(ACME, ANA), ANA, PROFILE, NOTICE);
    assertThat(gate.policy(ACME)).isEqualTo(ConsentPolicy.defaults());

    gate.setPolicy(admin(ACME), ConsentPolicy.enabling(PROFILE));

    assertThat(gate.check(ACME, ANA, CHAMPION)).isFalse();
    assertThat(gate.list(ACME, CHAMPION)).isEmpty();
    assertThat(gate.disclose(ACME, CHAMPION, List.of(ANA)).withheld()).isEqualTo(1);
    assertThat(gate.check(ACME, ANA, PROFILE)).isTrue();
    assertThatThrownBy(() -> gate.grant(member(ACME, BO), BO, CHAMPION, NOTICE))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("does not enable");
    ConsentRecord revoked = gate.revoke(member(ACME, BO), BO, CHAMPION);
    assertThat(gate.history(ACME, BO)).as("revoking a disabled purpose is still possible").containsExactly(revoked);

    gate.setPolicy(admin(ACME), ConsentPolicy.defaults());
    assertThat(gate.check(ACME, ANA, CHAMPION)).as("ana's own record counts again").isTrue();
  }

  @Test
  void aTenantsOwnPurposeIsDeniedUntilItsPolicyEnablesIt() {
    Purpose analytics = Purpose.of("host.analytics");
    assertThatThrownBy(() -> gate.grant(member(ACME, ANA), ANA, analytics, NOTICE))
        .isInstanceOf(AccessDeniedException.class);

    gate.setPolicy(admin(ACME), ConsentPolicy.enabling(analytics));
    gate.grant(member(ACME, ANA), ANA, analytics, NOTICE);

    assertThat(gate.check(ACME, ANA, analytics)).isTrue();
    assertThat(gate.policy(ACME).enabled()).containsExactly(analytics);
  }

  @Test
  void aMemberCannotChangeAnotherMembersConsent() {
    Principal ana = member(ACME, ANA);
    assertThatThrownBy(() -> gate.grant(ana, BO, CHAMPION, NOTICE)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("only their own");
    assertThatThrownBy(() -> gate.revoke(ana, BO, CHAMPION)).isInstanceOf(AccessDeniedException.class);
    Principal lead = Principal.of(ACME, "bo", Role.TEAM_LEAD, Role.COMMUNITY_MANAGER);
    assertThatThrownBy(() -> gate.grant(lead, BO, CHAMPION, NOTICE))
        .as("not a member, not an admin").isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> gate.setPolicy(ana, ConsentPolicy.enabling()))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("admin");

    assertThat(gate.history(ACME, BO)).isEmpty();
    assertThat(gate.version(ACME)).isZero();
  }

  @Test
  void anAdminRecordsADecisionOnTheMembersBehalf() {
    ConsentRecord r = gate.grant(admin(ACME), BO, CHAMPION, NOTICE);

    assertThat(r.method()).isEqualTo(ConsentMethod.ADMIN_ON_BEHALF);
    assertThat(r.recordedBy()).isEqualTo("admin-1");
    assertThat(r.subject()).isEqualTo(BO);
    assertThat(gate.check(ACME, BO, CHAMPION)).isTrue();
    assertThat(gate.revoke(admin(ACME), BO, CHAMPION).method()).isEqualTo(ConsentMethod.ADMIN_ON_BEHALF);
  }

  @Test
  void aPrincipalOfOneTenantCannotTouchAnother() {
    gate.grant(member(GLOBEX, ANA), ANA, CHAMPION, NOTICE);
    gate.setPolicy(admin(GLOBEX), ConsentPolicy.enabling(CHAMPION, PROFILE));

    // An acme admin acts only in acme, whatever member id it names.
    gate.revoke(admin(ACME), ANA, CHAMPION);
    gate.grant(admin(ACME), BO, CHAMPION, NOTICE);
    gate.setPolicy(admin(ACME), ConsentPolicy.enabling());

    assertThat(gate.check(GLOBEX, ANA, CHAMPION)).isTrue();
    assertThat(gate.check(GLOBEX, BO, CHAMPION)).isFalse();
    assertThat(gate.history(GLOBEX, ANA)).hasSize(1);
    assertThat(gate.history(GLOBEX, BO)).isEmpty();
    assertThat(gate.policy(GLOBEX)).isEqualTo(ConsentPolicy.enabling(CHAMPION, PROFILE));
    assertThat(gate.version(GLOBEX)).isEqualTo(2);
    assertThat(gate.history(ACME, ANA)).singleElement().satisfies(r -> assertThat(r.tenant()).isEqualTo(ACME));
  }

  @Test
  void aChangeIsSeenAtOnceDespiteTheCache() {
    gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);
    for (int i = 0; i < 3; i++) {
      assertThat(gate.check(ACME, ANA, CHAMPION)).isTrue();
    }
    gate.revoke(member(ACME, ANA), ANA, CHAMPION);
    assertThat(gate.check(ACME, ANA, CHAMPION)).isFalse();
    gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);
    assertThat(gate.check(ACME, ANA, CHAMPION)).isTrue();
  }

  @Test
  void anotherProcesssRevocationIsDisclosedAtOnceAndCheckedAfterTheRefresh() {
    gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);
    assertThat(gate.check(ACME, ANA, CHAMPION)).isTrue();
    DefaultConsentEngine otherProcess = f.anotherGate();

    otherProcess.revoke(member(ACME, ANA), ANA, CHAMPION);

    // The output filter checks the store's version, so it never relies on the stale entry.
    assertThat(gate.disclose(ACME, CHAMPION, List.of(ANA)).disclosed()).isEmpty();
    f.clock.advance(Duration.ofSeconds(DefaultConsentEngine.REFRESH_SECONDS));
    gate.check(ACME, ANA, CHAMPION);
    assertThat(gate.check(ACME, ANA, CHAMPION)).as("after the refresh").isFalse();
    assertThat(gate.list(ACME, CHAMPION)).isEmpty();
  }

  @Test
  void theOutputFilterNamesTheRecordsItReliedOnAndCountsTheRest() {
    ConsentRecord ana = gate.grant(member(ACME, ANA), ANA, CHAMPION, NOTICE);
    ConsentRecord cy = gate.grant(admin(ACME), CY, CHAMPION, NOTICE);
    gate.revoke(member(ACME, BO), BO, CHAMPION);

    Disclosure<MemberId> d = gate.disclose(ACME, CHAMPION, List.of(CY, BO, ANA, MemberId.of("dee")));

    assertThat(d.disclosed()).extracting(Disclosed::value).containsExactly(CY, ANA);
    assertThat(d.disclosed()).extracting(Disclosed::record).containsExactly(cy.id(), ana.id());
    assertThat(d.reliedOn()).containsExactly(cy.id(), ana.id());
    assertThat(d.withheld()).isEqualTo(2);
    assertThat(d.consentVersion()).isEqualTo(gate.version(ACME));
    assertThat(d.tenant()).isEqualTo(ACME);
    for (var id : d.reliedOn()) {
      assertThat(gate.record(ACME, id)).as("every relied-on receipt can be fetched").isPresent();
    }
  }

  @Test
  void nullArgumentsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> gate.check(null, ANA, CHAMPION)).isInstanceOf(NullPointerException.class)
        .hasMessage("tenant");
    assertThatThrownBy(() -> gate.grant(member(ACME, ANA), ANA, null, NOTICE))
        .isInstanceOf(NullPointerException.class).hasMessage("purpose");
  }
}
