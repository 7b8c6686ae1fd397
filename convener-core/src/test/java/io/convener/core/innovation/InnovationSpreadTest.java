package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.GLOBEX;
import static io.convener.core.innovation.SpreadFixture.INITECH;
import static io.convener.core.innovation.SpreadFixture.adoption;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static io.convener.core.innovation.SpreadFixture.meeting;
import static io.convener.core.innovation.SpreadFixture.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.Person;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.innovation.SuccessfulPattern;
import io.convener.api.model.Event;
import io.convener.api.notify.Notification;
import io.convener.api.provenance.ProvenanceEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One tenant's lineage and metrics through the whole stack: rules, consent, provenance, patterns. */
class InnovationSpreadTest {
  private static final EventId I1 = EventId.of("i1");
  private final SpreadFixture f = new SpreadFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private InnovationSpread spread() {
    return f.convener.innovation();
  }

  /** ana flags i1 in t-a; t-b learns it from t-a, t-c from t-b, t-d from exposure to bo; t-e by default. */
  private void cascade() {
    f.members(ACME, "ana", "t-a", "bo", "t-b", "cy", "t-c", "di", "t-d", "ed", "t-e");
    f.events(ACME,
        innovation("i1", "ana", "t-a", 0),
        adoption("a1", "i1", "bo", "t-b", 2, "t-a", null),
        adoption("a2", "i1", "cy", "t-c", 9, "t-b", null),
        meeting("m1", "di", "bo", 10),
        adoption("a3", "i1", "di", "t-d", 12, null, null),
        adoption("a4", "i1", "ed", "t-e", 20, null, null));
  }

  @Test
  void lineageAndMetricsOfOneTenant() {
    cascade();
    f.consent(ACME, "ana", "bo", "cy", "di", "ed");
    SpreadReport r = spread().spread(admin(ACME), I1);

    assertThat(r.home()).isEqualTo(ACME);
    assertThat(r.origin().label()).contains("ana");
    assertThat(r.adoptions()).isEqualTo(4);
    assertThat(r.teams()).isEqualTo(5);
    assertThat(r.tenants()).isEqualTo(1);
    assertThat(r.lineage()).extracting(LineageEntry::node).containsExactly("a1", "a2", "a3", "a4");
    assertThat(r.lineage()).extracting(LineageEntry::from).containsExactly("i1", "a1", "a1", "i1");
    assertThat(r.lineage()).extracting(LineageEntry::rule)
        .containsExactly("explicit:fromTeam", "explicit:fromTeam", "exposure:window=PT720H", "default:earliest-in-tenant");
    // Tree: i1 -> a1 -> {a2, a3}; i1 -> a4. Depth 2, breadth 2 at both depths, broadcast 2 of 4.
    assertThat(r.depth()).isEqualTo(2);
    assertThat(r.maxBreadth()).isEqualTo(2);
    assertThat(r.broadcastShare()).isEqualTo(0.5);
    // Distances over the 10 pairs of 5 nodes: 1+2+2+1 (i1) +1+1+2 (a1) +2+3 (a2) +3 (a3) = 18; ν = 2·18/20.
    assertThat(r.structuralVirality()).isCloseTo(1.8, within(1e-12));
    assertThat(r.timeToFirstReplication()).contains(Duration.ofDays(2));
    assertThat(r.adoptionVelocity()).isCloseTo(4 / 20.0, within(1e-12));
    assertThat(r.bass()).isEmpty();
    assertThat(r.bassAbsentReason().orElseThrow()).contains("only 3 period(s)");
    assertThat(r.withheld()).isZero();
    assertThat(r.provenanceId()).isPositive();

    ProvenanceEntry entry = f.entries(ACME, DefaultInnovationSpread.SPREAD).get(0);
    assertThat(entry.generated()).contains("prov:wasDerivedFrom(a1, i1)", "prov:wasDerivedFrom(a2, a1)",
        "prov:wasDerivedFrom(a3, a1)", "prov:wasDerivedFrom(a4, i1)");
    assertThat(entry.used()).containsExactly("event:i1");
  }

  @Test
  void peopleWithoutConsentAreCountedNotNamed() {
    cascade();
    f.consent(ACME, "bo");
    SpreadReport r = spread().spread(admin(ACME), I1);
    assertThat(r.origin()).isInstanceOf(Person.Withheld.class);
    assertThat(r.lineage()).extracting(e -> e.adopter().label().orElse("-")).containsExactly("bo", "-", "-", "-");
    assertThat(r.withheld()).isEqualTo(4);
    assertThat(r.adoptions()).isEqualTo(4);
    assertThat(r.disclosures()).hasSize(1);

    f.convener.consent().revoke(Principal.of(ACME, "bo", Role.MEMBER), MemberId.of("bo"),
        io.convener.api.consent.Purpose.INNOVATION_ATTRIBUTION);
    assertThat(spread().spread(admin(ACME), I1).lineage()).allSatisfy(e -> assertThat(e.adopter().label()).isEmpty());
  }

  @Test
  void unknownInnovationsAndBadWindowsAreClearErrors() {
    cascade();
    assertThatThrownBy(() -> spread().spread(admin(ACME), EventId.of("nope")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no innovation and no adoption with id nope");
    assertThatThrownBy(() -> spread().spread(admin(ACME), I1, Duration.ZERO))
        .hasMessageContaining("exposureWindow");
    assertThatThrownBy(() -> spread().spread(Principal.of(ACME, "bo", Role.MEMBER), I1))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aBassFitOnceThereAreEnoughPeriods() {
    f.members(ACME, "ana", "t0");
    f.events(ACME, innovation("i1", "ana", "t0", 0));
    // Weekly adoptions from the discrete Bass recursion with p = 0.03, q = 0.38, m = 200, rounded.
    double[] weekly = BassEstimatorTest.series(0.03, 0.38, 200, 14);
    List<Event> adoptions = new ArrayList<>();
    for (int week = 0; week < weekly.length; week++) {
      long count = Math.round(weekly[week]);
      for (int k = 0; k < count; k++) {
        int n = adoptions.size();
        adoptions.add(adoption("a" + n, "i1", "m" + n, "t" + (n + 1), week * 7 + 1 + (k % 5), "t0", null));
      }
    }
    f.events(ACME, adoptions.toArray(new Event[0]));
    int n = adoptions.size();
    SpreadReport r = spread().spread(admin(ACME), I1);
    assertThat(r.adoptions()).isEqualTo(n);
    assertThat(r.broadcastShare()).isEqualTo(1.0);
    assertThat(r.bass()).isPresent();
    assertThat(r.bass().get().q()).isCloseTo(0.38, within(0.06));
    assertThat(r.bass().get().m()).isCloseTo(200, within(15.0));
  }

  @Test
  void aSuccessfulPatternIsPushedToTheLeadsOfTeamsThatHaveNotAdopted() {
    f.members(ACME, "ana", "t-a", "bo", "t-b", "cy", "t-c", "di", "t-d", "ed", "t-e");
    f.events(ACME,
        innovation("i1", "ana", "t-a", 0),
        adoption("a1", "i1", "bo", "t-b", 20, "t-a", null),
        adoption("a2", "i1", "cy", "t-c", 20, "t-a", null),
        outcome("o1", "bo", "t-b", 10, 50), outcome("o2", "bo", "t-b", 30, 70),
        outcome("o3", "cy", "t-c", 10, 40), outcome("o4", "cy", "t-c", 30, 45),
        outcome("o5", "di", "t-d", 10, 10), outcome("o6", "ed", "t-e", 10, 10));
    f.direct(ACME, "di", "ed");
    SuccessfulPattern p = spread().pushIfSuccessful(admin(ACME), I1);
    assertThat(p.teamsCompared()).isEqualTo(2);
    assertThat(p.teamsImproved()).isEqualTo(2);
    assertThat(p.meanUplift()).isCloseTo(12.5, within(1e-12));
    assertThat(p.successful()).isTrue();
    assertThat(p.notified()).isEqualTo(2);
    List<Notification> sent = f.channel().all(ACME);
    assertThat(sent).extracting(n -> n.recipient().value()).containsExactlyInAnyOrder("di", "ed");
    assertThat(sent).allSatisfy(n -> assertThat(n.kind()).isEqualTo("innovation.successful"));
    assertThat(f.entries(ACME, DefaultInnovationSpread.PUSH).get(0).generated())
        .contains("notification:innovation:i1:successful:t-d");
  }

  @Test
  void aPatternWhoseOutcomesFellIsNotPushed() {
    f.members(ACME, "ana", "t-a", "bo", "t-b", "cy", "t-c", "di", "t-d");
    f.events(ACME,
        innovation("i1", "ana", "t-a", 0),
        adoption("a1", "i1", "bo", "t-b", 20, "t-a", null),
        adoption("a2", "i1", "cy", "t-c", 20, "t-a", null),
        outcome("o1", "bo", "t-b", 10, 50), outcome("o2", "bo", "t-b", 30, 40),
        outcome("o3", "cy", "t-c", 10, 40), outcome("o4", "cy", "t-c", 30, 45),
        outcome("o5", "di", "t-d", 10, 10));
    SuccessfulPattern p = spread().pushIfSuccessful(admin(ACME), I1);
    assertThat(p.teamsImproved()).isEqualTo(1);
    assertThat(p.successful()).isFalse();
    assertThat(f.channel().all(ACME)).isEmpty();
  }

  @Test
  void tenantsWithTheSameIdsSeeOnlyTheirOwn() {
    cascade();
    f.members(INITECH, "zed", "t-z");
    f.events(INITECH, adoption("a9", "i1", "zed", "t-z", 3, null, null));
    SpreadReport initech = spread().spread(admin(INITECH), I1);
    assertThat(initech.adoptions()).isZero();
    assertThat(initech.rejected()).singleElement().satisfies(x -> assertThat(x.reason()).startsWith("no source"));
    assertThat(spread().spread(admin(ACME), I1).lineage()).noneMatch(e -> e.node().equals("a9"));
    assertThatThrownBy(() -> spread().spread(admin(GLOBEX), I1)).isInstanceOf(InvalidInputException.class);
  }
}
