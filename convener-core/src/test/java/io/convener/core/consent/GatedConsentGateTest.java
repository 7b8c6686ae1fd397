package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Purpose;
import io.convener.api.provenance.EntryProof;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.Conveners;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every consent call a principal makes, reads included, passes the choke point: each leaves exactly
 * one provenance entry, a refused one too.
 */
class GatedConsentGateTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANA = MemberId.of("ana");
  private static final Principal ANA_HERSELF = Principal.of(ACME, "ana", Role.MEMBER);
  private static final Principal AUDITOR = Principal.of(ACME, "audit", Role.COMPLIANCE_OFFICER);

  private final Convener convener = Conveners.builder().database("jdbc:h2:mem:gated-consent-" + UUID.randomUUID()).build();

  @AfterEach
  void close() {
    convener.close();
  }

  private List<ProvenanceEntry> entries(String activity) {
    return convener.provenance().query(AUDITOR, ProvenanceQuery.builder().activity(activity).build()).entries();
  }

  @Test
  void aGrantAndARevocationEachLeaveOneEntryNamingTheReceipt() {
    ConsentRecord granted = convener.consent().grant(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE, "notice-3");
    ConsentRecord revoked = convener.consent().revoke(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE);

    assertThat(entries(GatedConsentGate.GRANT)).singleElement().satisfies(e -> {
      assertThat(e.outcome().status()).isEqualTo(Outcome.Status.OK);
      assertThat(e.used()).containsExactly("member:ana");
      assertThat(e.generated()).containsExactly("consent:" + granted.id().value());
    });
    assertThat(entries(GatedConsentGate.REVOKE)).singleElement()
        .satisfies(e -> assertThat(e.generated()).containsExactly("consent:" + revoked.id().value()));
    assertThat(convener.consent().check(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE)).isFalse();
  }

  @Test
  void theReceiptsEntryComesWithAProofOfInclusion() {
    ConsentRecord granted = convener.consent().grant(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE, "notice-3");
    ProvenanceEntry entry = convener.provenance()
        .query(AUDITOR, ProvenanceQuery.builder().entity("consent:" + granted.id().value()).build())
        .entries().get(0);

    EntryProof proof = convener.provenance().proveEntry(AUDITOR, entry.sequence());

    assertThat(proof.entry()).isEqualTo(entry);
    assertThat(proof.proof().leafIndex()).isEqualTo(entry.sequence());
  }

  @Test
  void aRefusedChangeIsDeniedAndStillLeavesItsEntry() {
    Principal bo = Principal.of(ACME, "bo", Role.MEMBER);

    assertThatThrownBy(() -> convener.consent().grant(bo, ANA, Purpose.PROFILE_SHARE, "notice-3"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> convener.consent().grant(Principal.of(ACME, "lead", Role.TEAM_LEAD), ANA,
        Purpose.PROFILE_SHARE, "notice-3")).isInstanceOf(AccessDeniedException.class);

    assertThat(entries(GatedConsentGate.GRANT)).hasSize(2)
        .allSatisfy(e -> assertThat(e.outcome().status()).isEqualTo(Outcome.Status.DENIED));
    assertThat(convener.consent().check(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE)).isFalse();
  }

  @Test
  void everyReadLeavesAnEntryAndAMemberMayReadOnlyTheirOwn() {
    convener.consent().grant(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE, "notice-3");
    Principal bo = Principal.of(ACME, "bo", Role.MEMBER);

    assertThat(convener.consent().check(ANA_HERSELF, ANA, Purpose.PROFILE_SHARE)).isTrue();
    assertThat(convener.consent().history(ANA_HERSELF, ANA)).hasSize(1);
    assertThatThrownBy(() -> convener.consent().history(bo, ANA)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> convener.consent().granted(bo, java.util.Optional.empty()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(convener.consent().granted(AUDITOR, java.util.Optional.of(Purpose.PROFILE_SHARE)))
        .extracting(ConsentRecord::subject).containsExactly(ANA);
    assertThat(convener.consent().policy(bo).enables(Purpose.PROFILE_SHARE)).isTrue();

    List<ProvenanceEntry> reads = entries(GatedConsentGate.READ);
    assertThat(reads).extracting(e -> e.outcome().status()).containsExactly(
        Outcome.Status.OK, Outcome.Status.OK, Outcome.Status.DENIED, Outcome.Status.DENIED, Outcome.Status.OK,
        Outcome.Status.OK);
    assertThat(reads.get(0).used()).containsExactly("member:ana");
    assertThat(reads.get(2).agent().id()).isEqualTo("bo");
  }
}
