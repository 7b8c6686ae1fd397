package io.convener.core.champion;

import static io.convener.core.champion.Scenario.AS_OF;
import static io.convener.core.champion.Scenario.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.AccessDeniedException;
import io.convener.api.CohortId;
import io.convener.api.Convener;
import io.convener.api.OrgUnit;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.RankedMember;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consent, freshness, anti-gaming, filters, settings and tenant isolation of champion discovery. */
class ChampionBehaviourTest {
  private static Convener convener;

  @BeforeAll
  static void open() {
    convener = Scenario.open();
  }

  @AfterAll
  static void close() {
    convener.close();
  }

  private static ChampionRanking rank(Scenario s, ChampionQuery.Builder q) {
    return convener.champions().rank(s.admin, q.asOf(AS_OF).build());
  }

  private static ChampionRanking rank(Scenario s) {
    return rank(s, ChampionQuery.builder());
  }

  private static List<String> ids(ChampionRanking r) {
    return r.champions().stream().map(e -> e.member().value().value()).toList();
  }

  private static double score(ChampionRanking r, String id) {
    return r.champions().stream().filter(e -> e.member().value().value().equals(id)).findFirst()
        .map(RankedMember::score).orElseThrow();
  }

  @Test
  void aMemberWithoutConsentIsCountedNotNamedAndStillCountsForOthers() {
    Scenario s = new Scenario(convener, "consent").base();
    ChampionRanking before = rank(s);
    s.revoke("c");
    ChampionRanking without = rank(s);
    assertThat(ids(without)).containsExactly("d", "a", "b", "f", "e");
    assertThat(without.withheld()).isEqualTo(1);
    assertThat(without.candidates()).isEqualTo(6);
    assertThat(without.champions()).extracting(RankedMember::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(score(without, "d")).as("c's ties still count").isCloseTo(score(before, "d"), within(1e-9));
    assertThat(without.champions()).allSatisfy(e -> assertThat(e.evidence().people())
        .noneMatch(p -> p.person().value().value().equals("c")));
    RankedMember d = without.champions().get(0);
    assertThat(d.evidence().peopleWithheld()).as("c passes d rank but is not named").isEqualTo(1);
    s.consent("c");
    assertThat(ids(rank(s))).first().isEqualTo("c");
  }

  @Test
  void newEventsAreSeenByTheNextRequestWithoutARestart() {
    Scenario s = new Scenario(convener, "fresh").base();
    ChampionRanking before = rank(s);
    assertThat(before.graph().eventsInWindow()).isEqualTo(14);
    for (int i = 0; i < 6; i++) {
      s.ingest(s.event(EventKind.REPLY, "a", 1, "e"), s.event(EventKind.REPLY, "b", 1, "e"),
          s.event(EventKind.REPLY, "f", 1, "e"));
    }
    ChampionRanking after = rank(s);
    assertThat(after.graph().eventsInWindow()).isEqualTo(32);
    assertThat(after.graph().watermark()).isEqualTo(before.graph().watermark() + 18);
    assertThat(score(after, "e")).isGreaterThan(score(before, "e"));
    s.ingest(Member.builder(m("g")).teams(Scenario.RED).build());
    s.consent("g");
    s.ingest(s.event(EventKind.REPLY, "g", 1, "a"));
    assertThat(ids(rank(s))).contains("g");
  }

  @Test
  void requestsBetweenBatchesGiveTheSameScoresAsOneRequestAfterAllOfThem() {
    Scenario stepwise = new Scenario(convener, "stepwise").base();
    Scenario atOnce = new Scenario(convener, "at-once").base();
    List<List<String[]>> batches = List.of(
        List.of(new String[] {"reaction", "e", "f"}, new String[] {"reaction", "e", "f"}, new String[] {"reply", "a", "d"}),
        List.of(new String[] {"endorsement", "b", "c"}, new String[] {"reaction", "e", "f"}, new String[] {"mention", "f", "a"}),
        List.of(new String[] {"endorsement", "a", "c"}, new String[] {"reply", "c", "c"}, new String[] {"message", "d"}));
    for (List<String[]> batch : batches) {
      rank(stepwise);
      for (String[] e : batch) {
        EventKind kind = EventKind.fromWireName(e[0]).orElseThrow();
        String[] targets = java.util.Arrays.copyOfRange(e, 2, e.length);
        stepwise.ingest(stepwise.event(kind, e[1], 1, targets));
        atOnce.ingest(atOnce.event(kind, e[1], 1, targets));
      }
    }
    ChampionRanking a = rank(stepwise);
    ChampionRanking b = rank(atOnce);
    assertThat(ids(a)).isEqualTo(ids(b));
    assertThat(a.graph().eventsInWindow()).isEqualTo(b.graph().eventsInWindow()).isEqualTo(22);
    for (RankedMember e : a.champions()) {
      String id = e.member().value().value();
      assertThat(e.score()).as(id).isCloseTo(score(b, id), within(1e-9));
      RankedMember other = b.champions().stream().filter(x -> x.member().value().value().equals(id)).findFirst()
          .orElseThrow();
      e.raw().forEach((k, v) -> assertThat(v).as(id + " " + k).isCloseTo(other.raw().get(k), within(1e-9)));
    }
  }

  @Test
  void excludedBotsAndStaffDisappearFromScoresAndTheGraph() {
    Scenario s = new Scenario(convener, "bots").base();
    ChampionRanking clean = rank(s);
    s.ingest(Member.builder(m("bot")).build());
    s.consent("bot");
    for (int i = 0; i < 40; i++) {
      s.ingest(s.event(EventKind.REPLY, "bot", 2, "a"));
    }
    ChampionRanking gamed = rank(s);
    assertThat(score(gamed, "a")).isGreaterThan(score(clean, "a"));
    convener.champions().configure(s.admin, ChampionSettings.defaults().withExcluded(Set.of(m("bot"))));
    ChampionRanking excluded = rank(s);
    assertThat(ids(excluded)).doesNotContain("bot");
    assertThat(excluded.graph().nodes()).isEqualTo(6);
    for (String id : List.of("a", "b", "c", "d", "e", "f")) {
      assertThat(score(excluded, id)).as(id).isCloseTo(score(clean, id), within(1e-9));
    }
  }

  @Test
  void repeatedReactionsFromOnePersonCountLessAndLessUpToTwice() {
    Scenario s = new Scenario(convener, "spam").base();
    for (int i = 0; i < 30; i++) {
      s.ingest(s.event(EventKind.REACTION, "e", 1, "f"));
    }
    RankedMember f = rank(s).champions().stream().filter(e -> e.member().value().value().equals("f"))
        .findFirst().orElseThrow();
    double credit = 2 * (1 - Math.pow(0.5, 30));
    assertThat(f.raw().get("responses")).as("e->f reply plus 30 reactions").isCloseTo(1 + credit, within(1e-12));
  }

  @Test
  void filtersChooseWhomToListNotHowTheyScore() {
    Scenario s = new Scenario(convener, "filters").base();
    ChampionRanking all = rank(s);
    ChampionRanking red = rank(s, ChampionQuery.builder().team(TeamId.of("red")));
    assertThat(ids(red)).containsExactly("c", "a", "b");
    assertThat(score(red, "c")).isEqualTo(score(all, "c"));
    assertThat(ids(rank(s, ChampionQuery.builder().cohort(CohortId.of("2025"))))).containsExactly("a", "b");
    assertThat(ids(rank(s, ChampionQuery.builder().org(OrgUnit.of("eng"))))).containsExactly("c", "d", "a", "b");
    assertThat(ids(rank(s, ChampionQuery.builder().org(OrgUnit.of("ops/blue"))))).containsExactly("f", "e");
    assertThat(ids(rank(s, ChampionQuery.builder().minActivity(3.5)))).as("e and f have 2")
        .containsExactly("c", "d", "a", "b");
    assertThat(ids(rank(s, ChampionQuery.builder().role(ChampionRole.CONNECTOR)))).containsExactly("c", "d");
    assertThat(ids(rank(s, ChampionQuery.builder().role(ChampionRole.CHAMPION)))).containsExactly("c");
    assertThat(ids(rank(s, ChampionQuery.builder().team(TeamId.of("nobody"))))).isEmpty();
    assertThat(rank(s, ChampionQuery.builder().limit(2)).champions()).hasSize(2);
  }

  @Test
  void theWindowEndsAtAsOfAndLeavesOlderEventsOut() {
    Scenario s = new Scenario(convener, "window").base();
    s.ingest(s.event(EventKind.REPLY, "e", 200, "a"), s.event(EventKind.REPLY, "e", 0.5, "a"));
    assertThat(rank(s).graph().eventsInWindow()).isEqualTo(15);
    assertThat(rank(s, ChampionQuery.builder().window(Duration.ofDays(365))).graph().eventsInWindow()).isEqualTo(16);
    assertThat(convener.champions().rank(s.admin,
        ChampionQuery.builder().asOf(AS_OF.minus(Duration.ofDays(1))).build()).graph().eventsInWindow()).isEqualTo(14);
  }

  @Test
  void anotherTenantsPrincipalSeesNothingOfThisTenant() {
    Scenario a = new Scenario(convener, "tenant-a").base();
    assertThat(rank(a).champions()).hasSize(6);
    Scenario b = new Scenario(convener, "tenant-b");
    ChampionRanking seenByB = rank(b);
    assertThat(seenByB.champions()).isEmpty();
    assertThat(seenByB.graph().nodes()).isZero();
    assertThat(convener.champions().settings(b.admin)).isEqualTo(ChampionSettings.defaults());
  }

  @Test
  void onlyAdminsChangeSettingsAndMembersCannotRank() {
    Scenario s = new Scenario(convener, "roles").base();
    Principal member = Principal.of(s.tenant, "a", Role.MEMBER);
    assertThatThrownBy(() -> convener.champions().rank(member, ChampionQuery.builder().build()))
        .isInstanceOf(AccessDeniedException.class);
    Principal manager = Principal.of(s.tenant, "cm", Role.COMMUNITY_MANAGER);
    assertThatThrownBy(() -> convener.champions().configure(manager, ChampionSettings.defaults()))
        .isInstanceOf(AccessDeniedException.class);
    ChampionSettings heavy = ChampionSettings.defaults().withWeight("influence", 1.0);
    assertThat(convener.champions().configure(s.admin, heavy)).isEqualTo(heavy);
    assertThat(rank(s).champions().get(0).weights()).containsEntry("influence", 1.0);
  }
}
