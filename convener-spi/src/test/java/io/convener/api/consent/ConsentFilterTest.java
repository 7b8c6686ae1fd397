package io.convener.api.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The minting rules, checked on the filter itself; the gate's use of it is tested in core. */
class ConsentFilterTest {
  static final TenantId ACME = TenantId.of("acme");
  static final Instant T = ConsentRecordTest.T;
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");

  static ConsentRecord record(String id, MemberId subject, ConsentDecision decision) {
    return ConsentRecordTest.grant().id(ConsentRecordId.of(id)).subject(subject).decision(decision).build();
  }

  @Test
  void onlyGrantingRecordsOfExactlyTheSubjectAndPurposeLetCandidatesThrough() {
    Map<MemberId, ConsentRecord> records = Map.of(
        ANA, record("r-ana", ANA, ConsentDecision.GRANTED),
        BO, record("r-bo", BO, ConsentDecision.REVOKED),
        // A lookup that returns somebody else's record must not disclose CY.
        CY, record("r-ana-again", ANA, ConsentDecision.GRANTED));
    ConsentFilter filter = ConsentFilter.of(
        ACME, Purpose.CHAMPION_RECOMMENDATION, 7, T, m -> Optional.ofNullable(records.get(m)));

    Disclosure<MemberId> d = filter.apply(List.of(BO, ANA, CY, MemberId.of("nobody"), ANA));

    assertThat(d.disclosed()).extracting(Disclosed::value).containsExactly(ANA, ANA);
    assertThat(d.disclosed()).extracting(Disclosed::record).containsOnly(ConsentRecordId.of("r-ana"));
    assertThat(d.withheld()).isEqualTo(3);
    assertThat(d.reliedOn()).containsExactly(ConsentRecordId.of("r-ana"));
    assertThat(d.consentVersion()).isEqualTo(7);
    assertThat(filter.count(List.of(BO, ANA, CY, MemberId.of("nobody"), ANA))).isEqualTo(2);
    assertThat(d.purpose()).isEqualTo(Purpose.CHAMPION_RECOMMENDATION);
  }

  @Test
  void aRecordForAnotherPurposeOrTenantOrAnExpiredOneDisclosesNothing() {
    ConsentRecord otherPurpose = ConsentRecordTest.grant().purpose(Purpose.PROFILE_SHARE).build();
    ConsentRecord otherTenant = ConsentRecordTest.grant().tenant(TenantId.of("globex")).build();
    ConsentRecord expired = ConsentRecordTest.grant().expiresAt(T.plusSeconds(1)).build();
    for (ConsentRecord r : List.of(otherPurpose, otherTenant, expired)) {
      Disclosure<MemberId> d = ConsentFilter.of(ACME, Purpose.CHAMPION_RECOMMENDATION, 1, T.plusSeconds(1),
          m -> Optional.of(r)).apply(List.of(ANA));
      assertThat(d.disclosed()).as(r.toString()).isEmpty();
      assertThat(d.withheld()).isEqualTo(1);
      assertThat(ConsentFilter.of(ACME, Purpose.CHAMPION_RECOMMENDATION, 1, T.plusSeconds(1), m -> Optional.of(r))
          .count(List.of(ANA))).as(r.toString()).isZero();
      assertThatThrownBy(() -> ConsentFilter.disclose(r, ACME, Purpose.CHAMPION_RECOMMENDATION, T.plusSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rowsAreFilteredByTheirSubject() {
    record Row(MemberId who, double score) {}
    ConsentRecord ana = record("r-ana", ANA, ConsentDecision.GRANTED);
    ConsentFilter filter = ConsentFilter.of(ACME, Purpose.CHAMPION_RECOMMENDATION, 1, T,
        m -> m.equals(ANA) ? Optional.of(ana) : Optional.empty());

    Disclosure<Row> d = filter.apply(List.of(new Row(ANA, 0.9), new Row(BO, 0.8)), Row::who);

    assertThat(d.disclosed()).singleElement().satisfies(row -> {
      assertThat(row.value()).isEqualTo(new Row(ANA, 0.9));
      assertThat(row.subject()).isEqualTo(ANA);
    });
    assertThat(d.withheld()).isEqualTo(1);
  }

  @Test
  void disclosureTypesCannotBeConstructedOutsideTheirPackage() {
    for (Class<?> type : List.of(Disclosed.class, Disclosure.class, ConsentFilter.class)) {
      assertThat(Modifier.isFinal(type.getModifiers())).as(type + " is final").isTrue();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
            .as(c + " is not public").isFalse();
      }
    }
  }

  @Test
  void aSingleSubjectIsMintedFromAGrantingRecord() {
    ConsentRecord ana = record("r-ana", ANA, ConsentDecision.GRANTED);
    Disclosed<MemberId> d = ConsentFilter.disclose(ana, ACME, Purpose.CHAMPION_RECOMMENDATION, T);
    assertThat(d.value()).isEqualTo(ANA);
    assertThat(d.subject()).isEqualTo(ANA);
    assertThat(d.record()).isEqualTo(ana.id());
    assertThat(d).isEqualTo(ConsentFilter.disclose(ana, ACME, Purpose.CHAMPION_RECOMMENDATION, T));
    assertThatThrownBy(() -> ConsentFilter.disclose(ana, ACME, Purpose.PROFILE_SHARE, T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMemberIdCannotBeDisclosedUnderAnotherPersonsConsent() {
    ConsentRecord ana = record("r-ana", ANA, ConsentDecision.GRANTED);
    ConsentFilter filter = ConsentFilter.of(ACME, Purpose.CHAMPION_RECOMMENDATION, 1, T, m -> Optional.of(ana));
    assertThatThrownBy(() -> filter.apply(List.of(BO), m -> ANA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("own subject");
  }
}
