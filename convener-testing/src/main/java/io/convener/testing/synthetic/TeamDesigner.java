package io.convener.testing.synthetic;

import io.convener.api.OrgUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives teams their character and the organisation its bridges: team leads, team profiles
 * (safety, sentiment, responsiveness, trend), members who go silent, the deliberate connectors
 * and the teams each bridges, and which teams neighbour which. Works on a {@link Blueprint} whose
 * teams and activity rates are drawn. Deterministic. Not API.
 */
final class TeamDesigner {
  private static final long DAY = 86_400;
  /** Share of a connector's actions that go to the teams they bridge. */
  static final double CONNECTOR_REACH = 0.45;
  /** How many teams the first connector, the hub, bridges. */
  private static final int HUB_BREADTH = 8;

  private final Blueprint bp;
  private final Rng rng;
  private final SyntheticOrganisation settings;

  private TeamDesigner(Blueprint bp, Rng rng) {
    this.bp = bp;
    this.rng = rng;
    this.settings = bp.settings;
  }

  static void design(Blueprint bp, Rng rng) {
    TeamDesigner designer = new TeamDesigner(bp, rng);
    designer.chooseLeads();
    designer.profiles();
    designer.connectors();
    designer.neighbours();
    designer.weights();
  }

  /** Moves each team's most active member to the front; a team of silent people gets one voice. */
  private void chooseLeads() {
    for (int[] team : bp.teamMembers) {
      int best = 0;
      for (int k = 1; k < team.length; k++) {
        if (bp.rate[team[k]] > bp.rate[team[best]]) {
          best = k;
        }
      }
      int lead = team[best];
      if (bp.silent[lead]) {
        bp.silent[lead] = false;
        bp.silentFrom[lead] = Long.MAX_VALUE;
        bp.rate[lead] = settings.eventsPerMemberPerWeek();
        bp.consent[lead] = Blueprint.ConsentHabit.GRANTS_ALL;
      }
      team[best] = team[0];
      team[0] = lead;
    }
  }

  private void profiles() {
    int teams = bp.teamCount();
    int[] byTrend = shuffledTeams();
    int[] bySafety = shuffledTeams();
    int[] byResponse = shuffledTeams();
    int declining = count(settings.decliningTeamShare(), teams);
    int fading = Math.min(teams - declining, count(settings.fadingTeamShare(), teams));
    int lowSafety = count(settings.lowSafetyTeamShare(), teams);
    int negative = count(0.08, teams);
    int unresponsive = count(0.10, teams);
    TeamProfile.Trend[] trend = new TeamProfile.Trend[teams];
    Arrays.fill(trend, TeamProfile.Trend.STEADY);
    for (int k = 0; k < declining + fading; k++) {
      trend[byTrend[k]] = k < declining ? TeamProfile.Trend.DECLINING : TeamProfile.Trend.LOSING_MEMBERS;
    }
    double[] safety = new double[teams];
    double[] sentiment = new double[teams];
    double[] response = new double[teams];
    for (int k = 0; k < teams; k++) {
      safety[bySafety[k]] = k < lowSafety ? 0.15 + 0.15 * rng.nextDouble() : 0.55 + 0.35 * rng.nextDouble();
      sentiment[bySafety[k]] = k < negative ? -0.1 - 0.25 * rng.nextDouble() : 0.1 + 0.35 * rng.nextDouble();
      response[byResponse[k]] = k < unresponsive ? 0.25 + 0.15 * rng.nextDouble() : 0.7 + 0.25 * rng.nextDouble();
    }
    int periodDays = settings.weeks() * 7;
    long declineDays = Math.min(35, Math.max(1, periodDays / 2));
    long fadeDays = settings.weeks() >= 8 ? 30 : Math.max(1, periodDays * 3 / 8);
    bp.profile = new TeamProfile[teams];
    bp.declineFrom = new long[teams];
    for (int t = 0; t < teams; t++) {
      bp.profile[t] = new TeamProfile(round2(safety[t]), round2(sentiment[t]), round2(response[t]), trend[t]);
      bp.declineFrom[t] = trend[t] == TeamProfile.Trend.DECLINING
          ? bp.endSecond - declineDays * DAY
          : Long.MAX_VALUE;
      if (trend[t] == TeamProfile.Trend.LOSING_MEMBERS) {
        fadeMembers(t, bp.endSecond - fadeDays * DAY);
      }
    }
  }

  /** One or two active members (never the lead) stop acting from {@code from} on. */
  private void fadeMembers(int team, long from) {
    List<Integer> candidates = new ArrayList<>();
    for (int k = 1; k < bp.teamMembers[team].length; k++) {
      if (!bp.silent[bp.teamMembers[team][k]]) {
        candidates.add(bp.teamMembers[team][k]);
      }
    }
    int wanted = Math.min(candidates.size(), bp.teamMembers[team].length >= 8 ? 2 : 1);
    for (int k = 0; k < wanted; k++) {
      int m = candidates.remove(rng.nextInt(candidates.size()));
      bp.silentFrom[m] = from;
      bp.rate[m] = Math.max(bp.rate[m], settings.eventsPerMemberPerWeek()) * 1.3;
    }
  }

  /**
   * Chooses the connectors and the teams each bridges, as a tree: the first connector (the hub)
   * bridges the home teams of up to eight other connectors; each further connector bridges the home
   * team of an earlier one (beyond the hub's reach) and then teams no connector reaches yet. Nearly
   * every path between teams therefore runs through a connector, and most through the hub.
   */
  private void connectors() {
    int teams = bp.teamCount();
    int wanted = teams < 2 ? 0
        : settings.connectors() >= 0 ? settings.connectors()
        : Math.max(1, (int) Math.round(teams / 4.0));
    double[] rates = bp.rate.clone();
    Arrays.sort(rates);
    double p75 = rates[rates.length * 3 / 4];
    int[] homes = shuffledTeams();
    List<Integer> chosen = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    List<Integer> chosenHomes = new ArrayList<>();
    for (int j = 0; j < wanted; j++) {
      int home = homes[j % teams];
      int m = pickConnector(home, taken);
      if (m >= 0) {
        chosen.add(m);
        taken.add(m);
        chosenHomes.add(home);
        bp.rate[m] = Math.max(bp.rate[m], p75) * (chosen.size() == 1 ? 1.5 : 1.2);
      }
    }
    Set<Integer> uncovered = new LinkedHashSet<>();
    for (int t : homes) {
      if (!chosenHomes.contains(t)) {
        uncovered.add(t);
      }
    }
    List<List<Integer>> bridgersByTeam = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      bridgersByTeam.add(new ArrayList<>());
    }
    for (int j = 0; j < chosen.size(); j++) {
      int home = chosenHomes.get(j);
      int breadth = Math.min(teams - 1, j == 0 ? HUB_BREADTH : rng.between(3, 5));
      Set<Integer> bridged = new LinkedHashSet<>();
      if (j == 0) {
        for (int k = 1; k < chosen.size() && bridged.size() < breadth; k++) {
          addUnlessHome(bridged, chosenHomes.get(k), home);
        }
      } else if (j > HUB_BREADTH) {
        addUnlessHome(bridged, chosenHomes.get(1 + rng.nextInt(j - 1)), home);
      }
      for (var it = uncovered.iterator(); it.hasNext() && bridged.size() < breadth; ) {
        int t = it.next();
        if (t != home) {
          bridged.add(t);
          it.remove();
        }
      }
      while (bridged.size() < breadth) {
        addUnlessHome(bridged, rng.nextInt(teams), home);
      }
      int m = chosen.get(j);
      bp.bridges[m] = bridged.stream().mapToInt(Integer::intValue).toArray();
      for (int t : bridged) {
        bridgersByTeam.get(t).add(m);
      }
    }
    bp.connectors = chosen.stream().mapToInt(Integer::intValue).toArray();
    bp.bridgers = new int[teams][];
    for (int t = 0; t < teams; t++) {
      bp.bridgers[t] = bridgersByTeam.get(t).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static void addUnlessHome(Set<Integer> bridged, int team, int home) {
    if (team != home) {
      bridged.add(team);
    }
  }

  /** A random member of the team who acts throughout and is not a connector yet; -1 if none. */
  private int pickConnector(int team, Set<Integer> taken) {
    List<Integer> candidates = new ArrayList<>();
    int[] members = bp.teamMembers[team];
    for (int k = members.length > 1 ? 1 : 0; k < members.length; k++) {
      int m = members[k];
      if (!bp.silent[m] && bp.silentFrom[m] == Long.MAX_VALUE && !taken.contains(m)) {
        candidates.add(m);
      }
    }
    return candidates.isEmpty() ? -1 : candidates.get(rng.nextInt(candidates.size()));
  }

  /** Teams in the same unit, teams a connector links, and a few from the same division. */
  private void neighbours() {
    int teams = bp.teamCount();
    List<Set<Integer>> near = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      near.add(new TreeSet<>());
    }
    Map<OrgUnit, List<Integer>> byUnit = new HashMap<>();
    for (int t = 0; t < teams; t++) {
      byUnit.computeIfAbsent(bp.teamOrg[t], u -> new ArrayList<>()).add(t);
    }
    for (int a = 0; a < teams; a++) {
      for (int b : byUnit.get(bp.teamOrg[a])) {
        if (a != b && near.get(a).size() < 6) {
          near.get(a).add(b);
        }
      }
    }
    for (int c : bp.connectors) {
      int home = bp.homeTeam[c];
      for (int t : bp.bridges[c]) {
        near.get(home).add(t);
        near.get(t).add(home);
      }
    }
    bp.neighbours = new int[teams][];
    for (int t = 0; t < teams; t++) {
      for (int tries = 0; near.get(t).size() < 3 && tries < 20 && teams > 1; tries++) {
        int other = rng.nextInt(teams);
        if (other != t && bp.division[other] == bp.division[t]) {
          near.get(t).add(other);
        }
      }
      bp.neighbours[t] = near.get(t).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private void weights() {
    int teams = bp.teamCount();
    bp.cumulativeRate = new double[teams][];
    bp.cumulativePopularity = new double[teams][];
    for (int t = 0; t < teams; t++) {
      int[] members = bp.teamMembers[t];
      double[] rate = new double[members.length];
      double[] popularity = new double[members.length];
      double r = 0;
      double p = 0;
      for (int k = 0; k < members.length; k++) {
        r += bp.rate[members[k]];
        p += StrictMath.sqrt(bp.rate[members[k]]) + 0.3;
        rate[k] = r;
        popularity[k] = p;
      }
      bp.cumulativeRate[t] = rate;
      bp.cumulativePopularity[t] = popularity;
    }
  }

  private int[] shuffledTeams() {
    int teams = bp.teamCount();
    int[] order = new int[teams];
    for (int t = 0; t < teams; t++) {
      order[t] = t;
    }
    for (int i = teams - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }

  /** How many of {@code teams} a share selects: at least one when the share is positive and teams >= 3. */
  private static int count(double share, int teams) {
    if (share <= 0) {
      return 0;
    }
    return Math.min(teams, Math.max(teams >= 3 ? 1 : 0, (int) Math.round(share * teams)));
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
