package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Settings, their validation, and the generated structure: members, teams, org units, cohorts. */
class SyntheticOrganisationTest {
  private final GeneratedOrganisation org = Fixtures.ORG;

  @Test
  void defaultsAreDocumented() {
    SyntheticOrganisation s = SyntheticOrganisation.defaults();
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.members()).isEqualTo(300);
    assertThat(s.weeks()).isEqualTo(12);
    assertThat(s.end()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(s.start()).isEqualTo(Instant.parse("2026-08-09T00:00:00Z"));
  }

  @Test
  void builderFailsFastOnBadValues() {
    assertThatThrownBy(() -> SyntheticOrganisation.builder().members(9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("members");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().weeks(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weeks");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().silentShare(0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silentShare");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().eventsPerMemberPerWeek(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventsPerMemberPerWeek");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().end(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("end");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().end(Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().end(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
    assertThat(SyntheticOrganisation.builder().end(Instant.parse("9999-12-31T23:59:59Z")).weeks(520).build().start())
        .isBefore(Instant.parse("9991-01-01T00:00:00Z"));
  }

  @Test
  void builderRejectsContradictions() {
    assertThatThrownBy(() -> SyntheticOrganisation.builder().teams(5).membersPerTeam(8).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().members(30).teams(11).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teams");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().members(20).connectors(11).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectors");
    assertThatThrownBy(() -> SyntheticOrganisation.builder().decliningTeamShare(0.6).fadingTeamShare(0.6).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endIsTruncatedToSeconds() {
    Instant end = Instant.parse("2026-03-04T10:11:12.345678Z");
    assertThat(SyntheticOrganisation.builder().end(end).build().end())
        .isEqualTo(Instant.parse("2026-03-04T10:11:12Z"));
  }

  @Test
  void membersHaveUniqueIdsAndFakePersonalData() {
    List<Member> members = org.members();
    assertThat(members).hasSize(300);
    assertThat(members.get(0).id()).isEqualTo(MemberId.of("m0001"));
    assertThat(members.get(299).id()).isEqualTo(MemberId.of("m0300"));
    assertThat(members.stream().map(Member::id).distinct()).hasSize(300);
    assertThat(members.stream().map(m -> m.email().orElseThrow()).distinct()).hasSize(300);
    for (Member m : members) {
      assertThat(m.email()).hasValueSatisfying(e -> assertThat(e).endsWith("@synthetic.example"));
      assertThat(m.displayName()).hasValueSatisfying(n -> assertThat(n).matches("[A-Z][a-z]+ [A-Z][a-z]+"));
      assertThat(m.skills()).hasSizeBetween(2, 5);
      assertThat(m.teams()).hasSize(1);
      assertThat(m.org()).isPresent();
    }
  }

  @Test
  void teamsHaveFiveToTwelveMembersAndSitInTheirMembersOrgUnit() {
    Set<MemberId> seen = new HashSet<>();
    for (SyntheticTeam team : org.teams()) {
      assertThat(team.members()).hasSizeBetween(5, 12);
      assertThat(team.org().path()).matches("[a-z]+/[a-z]+");
      assertThat(team.id().value()).startsWith(team.org().path().split("/")[1] + "-");
      assertThat(org.team(team.id())).contains(team);
      for (MemberId id : team.members()) {
        assertThat(seen.add(id)).as("%s in one team only", id).isTrue();
        Member m = member(id);
        assertThat(m.teams()).containsExactly(team.id());
        assertThat(m.org()).contains(team.org());
      }
      assertThat(org.silentMembers()).doesNotContain(team.lead());
    }
    assertThat(seen).hasSize(300);
    assertThat(org.teams().stream().map(SyntheticTeam::id).distinct()).hasSize(org.teams().size());
  }

  @Test
  void orgUnitsRollUpToDivisions() {
    List<String> paths = org.orgUnits().stream().map(OrgUnit::path).toList();
    assertThat(paths).contains("eng", "eng/platform", "sales");
    assertThat(paths).isSorted();
    for (OrgUnit unit : org.orgUnits()) {
      unit.parent().ifPresent(parent -> assertThat(org.orgUnits()).contains(parent));
    }
    long underEng = org.members().stream().filter(m -> m.org().orElseThrow().isWithin(OrgUnit.of("eng"))).count();
    assertThat(underEng).isBetween(90L, 240L);
  }

  @Test
  void cohortsGroupIntakeYearsSitesAndGuilds() {
    Map<CohortId, List<MemberId>> cohorts = org.cohorts();
    Set<String> families = cohorts.keySet().stream()
        .map(c -> c.value().substring(0, c.value().indexOf('-'))).collect(Collectors.toSet());
    assertThat(families).containsExactlyInAnyOrder("intake", "site", "guild");
    for (Member m : org.members()) {
      assertThat(m.cohorts()).anyMatch(c -> c.value().startsWith("intake-"));
      assertThat(m.cohorts()).anyMatch(c -> c.value().startsWith("site-"));
      for (CohortId c : m.cohorts()) {
        assertThat(cohorts.get(c)).contains(m.id());
      }
    }
  }

  @Test
  void designedRisksAndBridgesExist() {
    assertThat(org.connectors()).hasSizeBetween(5, 15);
    MemberId hub = org.connectors().keySet().iterator().next();
    assertThat(org.connectors().get(hub)).hasSize(8);
    org.connectors().forEach((c, bridged) -> {
      assertThat(bridged).doesNotContain(Fixtures.HOME.get(c)).doesNotHaveDuplicates();
      assertThat(org.silentMembers()).doesNotContain(c);
      assertThat(org.fadingMembers()).doesNotContainKey(c);
    });
    assertThat(org.silentMembers()).hasSizeBetween(3, 30);
    assertThat(org.fadingMembers()).isNotEmpty();
    org.fadingMembers().forEach((m, from) -> {
      TeamId team = Fixtures.HOME.get(m);
      assertThat(org.team(team).orElseThrow().profile().trend()).isEqualTo(TeamProfile.Trend.LOSING_MEMBERS);
      assertThat(from).isEqualTo(org.end().minusSeconds(30 * 86_400L));
    });
    Map<TeamProfile.Trend, Long> trends = org.teams().stream()
        .collect(Collectors.groupingBy(t -> t.profile().trend(), Collectors.counting()));
    assertThat(trends).containsKeys(TeamProfile.Trend.STEADY, TeamProfile.Trend.DECLINING, TeamProfile.Trend.LOSING_MEMBERS);
    assertThat(org.teams()).anyMatch(t -> t.profile().psychSafety() < 0.35);
    assertThat(org.teams()).anyMatch(t -> t.profile().sentimentMean() < 0);
    assertThat(org.teams()).anyMatch(t -> t.profile().responsiveness() < 0.5);
  }

  @Test
  void teamCountAndTeamSizeCanBeChosen() {
    GeneratedOrganisation byCount = SyntheticOrganisation.builder().members(100).teams(7).build().generate();
    assertThat(byCount.teams()).hasSize(7);
    assertThat(byCount.teams()).allSatisfy(t -> assertThat(t.members()).hasSizeBetween(14, 15));
    GeneratedOrganisation bySize = SyntheticOrganisation.builder().members(100).membersPerTeam(10).build().generate();
    assertThat(bySize.teams()).hasSize(10).allSatisfy(t -> assertThat(t.members()).hasSize(10));
    GeneratedOrganisation noBridges = SyntheticOrganisation.builder().members(100).connectors(0).build().generate();
    assertThat(noBridges.connectors()).isEmpty();
  }

  @Test
  void tinyOrganisationsWork() {
    GeneratedOrganisation tiny = SyntheticOrganisation.builder().members(10).weeks(1).build().generate();
    assertThat(tiny.members()).hasSize(10);
    assertThat(tiny.teams()).hasSizeBetween(1, 2);
    assertThat(Fixtures.materialise(tiny)).isNotEmpty();
  }

  private Member member(MemberId id) {
    return org.members().get(Integer.parseInt(id.value().substring(1)) - 1);
  }
}
