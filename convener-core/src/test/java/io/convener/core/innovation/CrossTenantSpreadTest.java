package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.GLOBEX;
import static io.convener.core.innovation.SpreadFixture.INITECH;
import static io.convener.core.innovation.SpreadFixture.adoption;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.Person;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.provenance.ProvenanceEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adoptions across tenants: recorded only when the source shares with the destination and the
 * destination accepts from the source, checked on every spread; each tenant sees the other's
 * people, teams and events only as pseudonyms.
 */
class CrossTenantSpreadTest {
  private static final EventId I1 = EventId.of("i1");
  private final SpreadFixture f = new SpreadFixture();

  @BeforeEach
  void data() {
    f.members(ACME, "ana", "t-a", "bo", "t-b");
    f.events(ACME, innovation("i1", "ana", "t-a", 0), adoption("a1", "i1", "bo", "t-b", 2, "t-a", null));
    f.members(GLOBEX, "gus", "g-ops", "gia", "g-web");
    f.events(GLOBEX,
        adoption("g1", "i1", "gus", "g-ops", 5, "t-b", "acme"),
        adoption("g2", "i1", "gia", "g-web", 8, "g-ops", null));
    f.consent(ACME, "ana", "bo");
    f.consent(GLOBEX, "gus", "gia");
  }

  @AfterEach
  void close() {
    f.close();
  }

  private InnovationSpread spread() {
    return f.convener.innovation();
  }

  @Test
  void withoutAnyAgreementTheAdoptionIsRejectedAndLogged() {
    SpreadReport globex = spread().spread(admin(GLOBEX), I1);
    assertThat(globex.adoptions()).isZero();
    assertThat(globex.home()).isEqualTo(ACME);
    assertThat(globex.origin()).isInstanceOf(Person.Withheld.class);
    assertThat(globex.originAt()).isEmpty();
    RejectedAdoption g1 = globex.rejected().stream().filter(r -> r.node().equals("g1")).findFirst().orElseThrow();
    assertThat(g1.source()).isEqualTo(ACME);
    assertThat(g1.destination()).isEqualTo(GLOBEX);
    assertThat(g1.reason())
        .contains("tenant acme has not agreed to share innovations with tenant globex")
        .contains("tenant globex has not agreed to accept innovations from tenant acme");
    ProvenanceEntry logged = f.entries(GLOBEX, DefaultInnovationSpread.SPREAD).get(0);
    assertThat(logged.generated()).anySatisfy(g -> assertThat(g).startsWith("rejected(g1): cross-tenant adoption rejected"));

    SpreadReport acme = spread().spread(admin(ACME), I1);
    assertThat(acme.tenants()).isEqualTo(1);
    assertThat(acme.adoptions()).isEqualTo(1);
  }

  @Test
  void onlyTheSourceSharingIsNotEnough() {
    spread().agree(admin(ACME), SharingTerms.shareWith(GLOBEX));
    RejectedAdoption g1 = rejection(spread().spread(admin(GLOBEX), I1));
    assertThat(g1.reason()).contains("tenant globex has not agreed to accept innovations from tenant acme")
        .doesNotContain("acme has not agreed to share");
    assertThat(spread().spread(admin(ACME), I1).tenants()).isEqualTo(1);
  }

  @Test
  void onlyTheDestinationAcceptingIsNotEnough() {
    spread().agree(admin(GLOBEX), SharingTerms.acceptFrom(ACME));
    RejectedAdoption g1 = rejection(spread().spread(admin(GLOBEX), I1));
    assertThat(g1.reason()).contains("tenant acme has not agreed to share innovations with tenant globex")
        .doesNotContain("globex has not agreed to accept");
    assertThat(f.entries(GLOBEX, DefaultInnovationSpread.SPREAD).get(0).generated())
        .anySatisfy(g -> assertThat(g).startsWith("rejected(g1)"));
    assertThat(spread().spread(admin(ACME), I1).tenants()).isEqualTo(1);
  }

  @Test
  void withBothSidesTheAdoptionIsRecordedAndTheOtherSideIsPseudonymous() {
    spread().agree(admin(ACME), SharingTerms.shareWith(GLOBEX));
    spread().agree(admin(GLOBEX), SharingTerms.acceptFrom(ACME));

    SpreadReport acme = spread().spread(admin(ACME), I1);
    assertThat(acme.tenants()).isEqualTo(2);
    assertThat(acme.adoptions()).isEqualTo(3);
    assertThat(acme.teams()).isEqualTo(4);
    assertThat(acme.depth()).isEqualTo(3);
    assertThat(acme.rejected()).isEmpty();
    LineageEntry g1 = acme.lineage().get(1);
    LineageEntry g2 = acme.lineage().get(2);
    assertThat(g1.tenant()).isEqualTo(GLOBEX);
    assertThat(g1.from()).isEqualTo("a1");
    assertThat(g1.rule()).isEqualTo("explicit:fromTenant+fromTeam");
    assertThat(g1.adopter()).isInstanceOf(Person.Pseudonymous.class);
    assertThat(g1.adopter().label().orElseThrow()).matches("x-[0-9a-f]{32}");
    assertThat(g1.node()).matches("x-[0-9a-f]{32}");
    assertThat(g1.team().orElseThrow()).matches("x-[0-9a-f]{32}");
    assertThat(g2.from()).isEqualTo(g1.node());
    assertThat(acme.toString()).doesNotContain("gus", "gia", "g-ops", "g-web", "g1", "g2");
    ProvenanceEntry acmeEntry = f.entries(ACME, DefaultInnovationSpread.SPREAD).get(0);
    assertThat(String.join(" ", acmeEntry.used()) + String.join(" ", acmeEntry.generated()))
        .doesNotContain("gus", "g-ops", "g1")
        .contains("prov:wasDerivedFrom(" + g1.node() + ", a1)");

    SpreadReport globex = spread().spread(admin(GLOBEX), I1);
    assertThat(globex.home()).isEqualTo(ACME);
    assertThat(globex.origin()).isInstanceOf(Person.Pseudonymous.class);
    assertThat(globex.originAt()).contains(SpreadFixture.at(0));
    assertThat(globex.tenants()).isEqualTo(2);
    assertThat(globex.lineage()).extracting(e -> e.adopter().label().orElseThrow())
        .containsSubsequence("gus", "gia");
    assertThat(globex.lineage().get(0).node()).matches("x-[0-9a-f]{32}");
    assertThat(globex.lineage().get(1).from()).isEqualTo(globex.lineage().get(0).node());
    assertThat(globex.toString()).doesNotContain("ana", "bo", "t-a", "t-b", "node=a1", "from=a1");
  }

  @Test
  void pseudonymsDifferBetweenViewersAndNeedTheOwnersConsent() {
    spread().agree(admin(ACME), SharingTerms.shareWith(GLOBEX));
    spread().agree(admin(GLOBEX), SharingTerms.acceptFrom(ACME));
    spread().agree(admin(ACME), SharingTerms.shareWith(INITECH));
    spread().agree(admin(INITECH), SharingTerms.acceptFrom(ACME));
    f.members(INITECH, "ivy", "i-team");
    f.events(INITECH, adoption("n1", "i1", "ivy", "i-team", 6, null, "acme"));
    f.consent(INITECH, "ivy");

    String seenByGlobex = spread().spread(admin(GLOBEX), I1).origin().label().orElseThrow();
    String seenByInitech = spread().spread(admin(INITECH), I1).origin().label().orElseThrow();
    assertThat(seenByGlobex).matches("x-[0-9a-f]{32}").isNotEqualTo(seenByInitech);
    assertThat(spread().spread(admin(GLOBEX), I1).origin().label()).contains(seenByGlobex);
    // Globex sees acme's side only, never initech's adoption of the same innovation.
    assertThat(spread().spread(admin(GLOBEX), I1).tenants()).isEqualTo(2);
    assertThat(spread().spread(admin(ACME), I1).tenants()).isEqualTo(3);

    f.convener.consent().revoke(Principal.of(GLOBEX, "gus", Role.MEMBER), io.convener.api.MemberId.of("gus"),
        io.convener.api.consent.Purpose.INNOVATION_ATTRIBUTION);
    SpreadReport acme = spread().spread(admin(ACME), I1);
    LineageEntry gus = acme.lineage().stream().filter(e -> e.tenant().equals(GLOBEX)).findFirst().orElseThrow();
    assertThat(gus.adopter()).isInstanceOf(Person.Withheld.class);
    assertThat(acme.withheld()).isEqualTo(1);
  }

  @Test
  void withdrawingOneSideRejectsTheAdoptionOnTheNextSpread() {
    spread().agree(admin(ACME), SharingTerms.shareWith(GLOBEX));
    spread().agree(admin(GLOBEX), SharingTerms.acceptFrom(ACME));
    assertThat(spread().spread(admin(GLOBEX), I1).rejected()).isEmpty();
    assertThat(spread().withdraw(admin(GLOBEX), SharingTerms.acceptFrom(ACME))).isTrue();
    assertThat(spread().withdraw(admin(GLOBEX), SharingTerms.acceptFrom(ACME))).isFalse();
    assertThat(rejection(spread().spread(admin(GLOBEX), I1)).reason()).contains("globex has not agreed to accept");
    assertThat(spread().spread(admin(ACME), I1).tenants()).isEqualTo(1);
  }

  @Test
  void agreementsAreAnAdminsToRecordAndStayInTheirTenant() {
    SharingAgreement a = spread().agree(admin(ACME), SharingTerms.shareWith(GLOBEX));
    assertThat(a.recordedBy()).isEqualTo("admin");
    assertThat(spread().agreements(admin(ACME))).containsExactly(a);
    assertThat(spread().agreements(admin(GLOBEX))).isEmpty();
    assertThatThrownBy(() -> spread().agree(Principal.of(ACME, "bo", Role.COMMUNITY_MANAGER),
        SharingTerms.shareWith(INITECH))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> spread().agree(admin(ACME), SharingTerms.shareWith(ACME)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counterpart");
    assertThat(f.entries(ACME, DefaultInnovationSpread.AGREE)).hasSize(3);
  }

  private static RejectedAdoption rejection(SpreadReport r) {
    return r.rejected().stream().filter(x -> x.node().equals("g1")).findFirst().orElseThrow();
  }
}
