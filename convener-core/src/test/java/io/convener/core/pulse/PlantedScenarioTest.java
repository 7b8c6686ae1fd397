package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskFlag;
import io.convener.api.pulse.RiskKind;
import io.convener.api.pulse.Severity;
import io.convener.core.Conveners;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The planted scenario ({@link PlantedPulseScenario}) through a running Convener: the planted
 * risks are raised for exactly the planted team and members, small groups are suppressed, and a
 * suppressed group cannot be recovered by subtraction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedScenarioTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal MANAGER = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
  private final PlantedPulseScenario scenario = PlantedPulseScenario.standard();
  private Convener convener;

  @BeforeAll
  void ingest() {
    convener = Conveners.builder().database("jdbc:h2:mem:pulse-" + UUID.randomUUID()).build();
    convener.ingest().submit(Principal.of(ACME, "loader", Role.ADMIN), scenario.members(), scenario.events());
  }

  @AfterAll
  void close() {
    convener.close();
  }

  private PulseReport pulse(PulseScope scope) {
    return convener.pulse().report(MANAGER, PulseRequest.of(scope, PlantedPulseScenario.AS_OF));
  }

  @Test
  void theDecliningTeamAndOnlyItDropsInEngagement() {
    PulseReport declining = pulse(PulseScope.team(scenario.decliningTeam()));
    assertThat(declining.isSuppressed()).isFalse();
    // Baseline: 28 messages and 28 replies per member per window; window: only 6 active days.
    assertThat(declining.baseline().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(56, within(1e-9));
    assertThat(declining.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(12, within(1e-9));
    assertThat(declining.risks(RiskKind.ENGAGEMENT_DROP)).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo(Severity.HIGH);
      assertThat(r.reason()).contains("12.0", "56.0");
      assertThat(r.at()).isEqualTo(PlantedPulseScenario.AS_OF);
    });
    assertThat(declining.risks(RiskKind.NEGATIVE_SENTIMENT)).hasSize(1);
    // Unsafe answers recode to 2,2,2,2,2,3,2: 15/7 for every respondent.
    assertThat(declining.metrics().get(PulseMetric.PSYCH_SAFETY).getAsDouble()).isCloseTo(15.0 / 7, within(1e-9));
    assertThat(declining.baseline().get(PulseMetric.PSYCH_SAFETY).getAsDouble()).isCloseTo(44.0 / 7, within(1e-9));
    assertThat(declining.risks(RiskKind.LOW_PSYCH_SAFETY)).singleElement()
        .satisfies(r -> assertThat(r.severity()).isEqualTo(Severity.HIGH));
    assertThat(declining.risks(RiskKind.SILENT_MEMBER)).isEmpty();

    for (TeamId steady : scenario.steadyTeams()) {
      PulseReport report = pulse(PulseScope.team(steady));
      assertThat(report.risks()).as(steady.value()).isEmpty();
      assertThat(report.metrics().get(PulseMetric.RESPONSE_RATE).getAsDouble()).isEqualTo(1.0);
      assertThat(report.metrics().get(PulseMetric.MEDIAN_RESPONSE_MINUTES).getAsDouble()).isCloseTo(30, within(1e-9));
      assertThat(report.metrics().get(PulseMetric.TURN_TAKING_GINI).getAsDouble()).isCloseTo(0, within(1e-9));
      assertThat(report.metrics().get(PulseMetric.PARTICIPATION_RATE).getAsDouble()).isEqualTo(1.0);
    }
    assertThat(pulse(PulseScope.team(PlantedPulseScenario.QUIET)).risks(RiskKind.ENGAGEMENT_DROP)).isEmpty();
  }

  @Test
  void silentMembersAreExactlyThePlantedOnesNamedOnlyWithConsent() {
    PulseReport quiet = pulse(PulseScope.team(PlantedPulseScenario.QUIET));
    List<RiskFlag> silent = quiet.risks(RiskKind.SILENT_MEMBER);
    assertThat(silent).hasSize(2);
    assertThat(silent).filteredOn(r -> r.member().isPresent()).singleElement().satisfies(r -> {
      assertThat(r.member().orElseThrow().value()).isEqualTo(scenario.consentingSilentMember());
      assertThat(r.count()).isEqualTo(1);
      assertThat(r.reason()).contains("168 activity events in the baseline");
    });
    assertThat(silent).filteredOn(r -> r.member().isEmpty()).singleElement().satisfies(r -> {
      assertThat(r.count()).isEqualTo(1);
      assertThat(r.reason()).doesNotContain(scenario.silentMembers().get(1).value());
    });
    assertThat(quiet.disclosures()).hasSize(1);
    // The whole tenant sees the same two, and no other silent member anywhere.
    List<RiskFlag> all = pulse(PulseScope.org(OrgUnit.of("eng/platform"))).risks(RiskKind.SILENT_MEMBER);
    assertThat(all.stream().mapToInt(RiskFlag::count).sum()).isEqualTo(2);
  }

  @Test
  void aTeamOfFourIsSuppressedWithAReason() {
    PulseReport tiny = pulse(PulseScope.team(scenario.smallTeam()));
    assertThat(tiny.isSuppressed()).isTrue();
    assertThat(tiny.suppressed().orElseThrow()).contains("fewer than 5");
    assertThat(tiny.metrics().values()).isEmpty();
    assertThat(tiny.risks()).isEmpty();
    assertThat(pulse(PulseScope.team(TeamId.of("no-such-team"))).isSuppressed()).isTrue();
  }

  @Test
  void noVisibleScopeMinusTheVisibleScopesInsideItRevealsASmallGroup() {
    // Membership from the scenario itself, not from the service.
    Map<PulseScope, BitSet> sets = new HashMap<>();
    List<Member> members = scenario.members();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      for (PulseScope s : scopesOf(m)) {
        sets.computeIfAbsent(s, x -> new BitSet()).set(i);
      }
    }
    List<PulseScope> scopes = convener.pulse().scopes(MANAGER);
    assertThat(scopes).containsAll(sets.keySet());
    Map<PulseScope, PulseReport> reports = new HashMap<>();
    scopes.forEach(s -> reports.put(s, pulse(s)));
    Predicate<PulseScope> visible = s -> !reports.get(s).isSuppressed();
    for (PulseScope n : scopes) {
      if (!visible.test(n)) {
        continue;
      }
      assertThat(reports.get(n).metrics().members()).isEqualTo(sets.get(n).cardinality());
      BitSet rest = (BitSet) sets.get(n).clone();
      for (PulseScope s : scopes) {
        BitSet inner = (BitSet) sets.get(s).clone();
        inner.andNot(sets.get(n));
        if (s != n && visible.test(s) && inner.isEmpty()) {
          rest.andNot(sets.get(s));
        }
      }
      assertThat(rest.cardinality()).as("%s minus its visible parts", n.wireName()).satisfiesAnyOf(
          c -> assertThat(c).isZero(), c -> assertThat(c).isGreaterThanOrEqualTo(5));
    }
    // ops = core 6 + tiny 4: without complementary suppression, ops − ops/core = tiny.
    assertThat(reports.get(PulseScope.org(OrgUnit.of("ops/tiny"))).isSuppressed()).isTrue();
    assertThat(reports.get(PulseScope.org(OrgUnit.of("ops"))).isSuppressed()
        || reports.get(PulseScope.org(OrgUnit.of("ops/core"))).isSuppressed()).isTrue();
    assertThat(reports.get(PulseScope.team(PlantedPulseScenario.SUPPORT)).isSuppressed()
        || reports.get(PulseScope.org(OrgUnit.of("ops"))).isSuppressed()).isTrue();
    assertThat(reports.values().stream().filter(r -> r.isSuppressed()
        && r.suppressed().orElseThrow().startsWith("complementary"))).isNotEmpty();
  }

  private static List<PulseScope> scopesOf(Member m) {
    List<PulseScope> out = new ArrayList<>();
    out.add(PulseScope.tenant());
    m.teams().forEach(t -> out.add(PulseScope.team(t)));
    m.cohorts().forEach(c -> out.add(PulseScope.cohort(c)));
    m.org().ifPresent(o -> o.selfAndAncestors().forEach(u -> out.add(PulseScope.org(u))));
    return out;
  }

  @Test
  void anIngestedEventIsVisibleToTheNextPulse() {
    PulseScope steady = PulseScope.team(PlantedPulseScenario.STEADY);
    Instant asOf = PlantedPulseScenario.AS_OF.plus(Duration.ofHours(1));
    PulseRequest request = PulseRequest.of(steady, asOf);
    double before = convener.pulse().report(MANAGER, request).metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble();
    Event late = Event.builder(EventId.of("late-1"), PlantedPulseScenario.AS_OF.plusSeconds(60), EventKind.MESSAGE,
        MemberId.of("p01")).build();
    convener.ingest().submit(Principal.of(ACME, "loader", Role.ADMIN), List.of(), List.of(late));
    double after = convener.pulse().report(MANAGER, request).metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble();
    assertThat(after - before).isCloseTo(1.0 / 8, within(1e-9));
  }

  @Test
  void anotherTenantSeesNothingOfThisOne() {
    Principal other = Principal.of(TenantId.of("globex"), "cm", Role.COMMUNITY_MANAGER);
    PulseRequest steady = PulseRequest.of(PulseScope.team(PlantedPulseScenario.STEADY), PlantedPulseScenario.AS_OF);
    PulseReport empty = convener.pulse().report(other, steady);
    assertThat(empty.isSuppressed()).isTrue();
    assertThat(empty.suppressed().orElseThrow()).contains("no members");
    assertThat(convener.pulse().scopes(other)).containsExactly(PulseScope.tenant());

    // The same member ids and event ids in another tenant: each sees only its own.
    Principal loader = Principal.of(TenantId.of("globex"), "loader", Role.ADMIN);
    Event same = Event.builder(EventId.of("m-100-p01"), PlantedPulseScenario.AS_OF.minusSeconds(60), EventKind.MESSAGE,
        MemberId.of("p01")).build();
    convener.ingest().submit(loader, scenario.members(), List.of(same));
    PulseReport globex = convener.pulse().report(other, steady);
    assertThat(globex.metrics().get(PulseMetric.EVENTS_PER_MEMBER).getAsDouble()).isCloseTo(1.0 / 8, within(1e-9));
    assertThat(globex.baseline().values()).doesNotContainKey(PulseMetric.EVENTS_PER_MEMBER);
    assertThat(pulse(PulseScope.team(PlantedPulseScenario.STEADY)).baseline().get(PulseMetric.EVENTS_PER_MEMBER)
        .getAsDouble()).isCloseTo(56, within(1e-9));
  }

  @Test
  void teamLeadsSeeOnlyTheirOwnTeamAndMembersSeeNothing() {
    Principal lead = Principal.of(ACME, "p01", Role.TEAM_LEAD);
    assertThat(convener.pulse().report(lead, PulseRequest.of(PulseScope.team(PlantedPulseScenario.STEADY),
        PlantedPulseScenario.AS_OF)).isSuppressed()).isFalse();
    assertThatThrownBy(() -> convener.pulse().report(lead, PulseRequest.of(PulseScope.team(scenario.decliningTeam()),
        PlantedPulseScenario.AS_OF))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> convener.pulse().report(Principal.of(ACME, "p01", Role.MEMBER),
        PulseRequest.of(PulseScope.tenant(), PlantedPulseScenario.AS_OF))).isInstanceOf(AccessDeniedException.class);
  }
}
