package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The organisation behaves like one: unequal activity, team communities, bridges, rhythms, decline. */
class RealismTest {
  private static final GeneratedOrganisation ORG = Fixtures.ORG;
  private static final List<Event> EVENTS = Fixtures.EVENTS;
  private static final Map<MemberId, TeamId> HOME = Fixtures.HOME;

  @Test
  void activityIsHeavyTailedWithSilentMembers() {
    Map<MemberId, Integer> authored = new HashMap<>();
    for (Event e : EVENTS) {
      authored.merge(e.actor(), 1, Integer::sum);
    }
    List<Integer> counts = new ArrayList<>(authored.values());
    counts.sort(Comparator.reverseOrder());
    long top = counts.subList(0, 30).stream().mapToLong(Integer::longValue).sum();
    assertThat((double) top / EVENTS.size()).as("share of the top 10%").isGreaterThan(0.35);
    assertThat(authored.keySet()).doesNotContainAnyElementsOf(ORG.silentMembers());
    assertThat(300 - authored.size()).isEqualTo(ORG.silentMembers().size()).isGreaterThan(3);
    int median = counts.get(counts.size() / 2);
    assertThat(counts.get(0)).isGreaterThan(5 * median);
  }

  @Test
  void mostInteractionsStayInsideTheTeam() {
    long inside = 0;
    long all = 0;
    for (Event e : EVENTS) {
      if (e.kind().isCollaboration()) {
        for (MemberId t : e.targets()) {
          all++;
          if (HOME.get(t).equals(HOME.get(e.actor()))) {
            inside++;
          }
        }
      }
    }
    assertThat((double) inside / all).isBetween(0.8, 0.97);
  }

  @Test
  void connectorsReachManyTeamsOthersFew() {
    Map<MemberId, Set<TeamId>> reached = new HashMap<>();
    for (Event e : EVENTS) {
      if (e.kind().isCollaboration()) {
        for (MemberId t : e.targets()) {
          reached.computeIfAbsent(e.actor(), k -> new HashSet<>()).add(HOME.get(t));
          reached.computeIfAbsent(t, k -> new HashSet<>()).add(HOME.get(e.actor()));
        }
      }
    }
    ORG.connectors().forEach((c, bridged) -> assertThat(reached.get(c)).containsAll(bridged));
    List<Integer> others = new ArrayList<>();
    reached.forEach((m, teams) -> {
      if (!ORG.connectors().containsKey(m)) {
        others.add(teams.size());
      }
    });
    others.sort(null);
    int median = others.get(others.size() / 2);
    MemberId hub = ORG.connectors().keySet().iterator().next();
    assertThat(median).as("median teams (own included) a non-connector deals with").isLessThanOrEqualTo(5);
    assertThat(reached.get(hub).size()).as("teams the hub deals with").isGreaterThan(2 * median);
  }

  @Test
  void betweennessRanksTheDeliberateConnectorsFirst() {
    int n = ORG.members().size();
    double[][] weight = new double[n][n];
    for (Event e : EVENTS) {
      if (e.kind().isCollaboration()) {
        int a = index(e.actor());
        for (MemberId t : e.targets()) {
          int b = index(t);
          weight[a][b] += e.weight();
          weight[b][a] += e.weight();
        }
      }
    }
    double[] betweenness = Betweenness.of(weight);
    List<MemberId> ranked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ranked.add(ORG.members().get(i).id());
    }
    ranked.sort(Comparator.comparingDouble((MemberId m) -> -betweenness[index(m)]));
    List<MemberId> connectors = new ArrayList<>(ORG.connectors().keySet());
    MemberId hub = connectors.get(0);
    assertThat(ranked.get(0)).as("the hub connector leads").isEqualTo(hub);
    assertThat(betweenness[index(hub)]).isGreaterThan(1.3 * betweenness[index(ranked.get(1))]);
    long inTop = ranked.subList(0, 2 * connectors.size()).stream().filter(connectors::contains).count();
    assertThat(inTop).as("connectors among the top 2C").isGreaterThanOrEqualTo(connectors.size() * 6L / 10);
  }

  @Test
  void betweennessMatchesKnownValues() {
    // Path a-b-c: b lies on the only a-c path (normalised 1). Star with centre 0 and 4 leaves: centre 1.
    assertThat(Betweenness.of(new double[][] {{0, 1, 0}, {1, 0, 1}, {0, 1, 0}})).containsExactly(0, 1, 0);
    double[][] star = new double[5][5];
    for (int leaf = 1; leaf < 5; leaf++) {
      star[0][leaf] = 1;
      star[leaf][0] = 1;
    }
    assertThat(Betweenness.of(star)[0]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void eventsFollowTheWorkingWeek() {
    long weekend = EVENTS.stream().filter(e -> {
      DayOfWeek d = e.at().atOffset(ZoneOffset.UTC).getDayOfWeek();
      return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }).count();
    assertThat((double) weekend / EVENTS.size()).isLessThan(0.12);
    long night = EVENTS.stream().filter(e -> {
      int h = e.at().atOffset(ZoneOffset.UTC).getHour();
      return h >= 2 && h < 5;
    }).count();
    assertThat((double) night / EVENTS.size()).as("02:00-05:00 UTC is night almost everywhere").isLessThan(0.08);
  }

  @Test
  void decliningTeamsLoseActivityAndFadingMembersGoSilent() {
    Instant end = ORG.end();
    Instant window = end.minusSeconds(28 * 86_400L);
    Instant baseline = window.minusSeconds(28 * 86_400L);
    Map<TeamId, long[]> counts = new HashMap<>();
    Map<MemberId, Instant> last = new HashMap<>();
    for (Event e : EVENTS) {
      last.put(e.actor(), e.at());
      if (!e.kind().isCollaboration() || e.team().isEmpty() || e.at().isBefore(baseline)) {
        continue;
      }
      counts.computeIfAbsent(e.team().get(), k -> new long[2])[e.at().isBefore(window) ? 0 : 1]++;
    }
    for (SyntheticTeam team : ORG.teams()) {
      long[] c = counts.get(team.id());
      double ratio = (double) c[1] / c[0];
      if (team.profile().trend() == TeamProfile.Trend.DECLINING) {
        assertThat(ratio).as("declining %s", team.id()).isLessThan(0.65);
      }
    }
    ORG.fadingMembers().forEach((m, from) -> {
      assertThat(last.get(m)).as("%s stops", m).isBefore(from);
      assertThat(last.get(m)).as("%s was active until late", m).isAfter(from.minusSeconds(14 * 86_400L));
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void otherSeedsKeepTheHubOnTop(long seed) {
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(seed).members(200).weeks(8).build().generate();
    int n = org.members().size();
    double[][] weight = new double[n][n];
    for (var it = org.eventIterator(); it.hasNext(); ) {
      Event e = it.next();
      if (e.kind().isCollaboration()) {
        int a = Integer.parseInt(e.actor().value().substring(1)) - 1;
        for (MemberId t : e.targets()) {
          int b = Integer.parseInt(t.value().substring(1)) - 1;
          weight[a][b] += e.weight();
          weight[b][a] += e.weight();
        }
      }
    }
    double[] betweenness = Betweenness.of(weight);
    int hub = Integer.parseInt(org.connectors().keySet().iterator().next().value().substring(1)) - 1;
    for (int i = 0; i < n; i++) {
      if (i != hub) {
        assertThat(betweenness[hub]).isGreaterThan(betweenness[i]);
      }
    }
  }

  private static int index(MemberId id) {
    return Integer.parseInt(id.value().substring(1)) - 1;
  }
}
