package io.convener.core.champion;

import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.api.champion.Persona;
import io.convener.core.internal.graph.InteractionGraph;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Champion scores of every node: each component normalised to [0, 1], weighed, summed; then roles
 * and personas from the tenant's thresholds. Built-in components: influence = PageRank / max,
 * engagement = given / max, responses = received / max, endorsements = endorsed / max, brokerage =
 * (betweenness / max + max(0, 1 - constraint)) / 2; each signal = value / max. A maximum of 0
 * makes the component 0 for everybody. Immutable once computed.
 */
final class Scoring {
  final List<String> names;
  final double[] weights;
  /** components[c][node], normalised. */
  final double[][] components;
  /** raw[c][node], before normalisation (for brokerage: the brokerage value itself). */
  final double[][] raw;
  final double[] score;
  private final WindowGraph wg;
  private final Structure st;
  private final ChampionThresholds thresholds;
  private final double championCut;

  Scoring(WindowGraph wg, Structure st, ChampionSettings settings, List<String> signalNames, double[] signalWeights,
      double[][] signalValues) {
    this.wg = wg;
    this.st = st;
    this.thresholds = settings.thresholds();
    int n = wg.nodeCount();
    int c = ChampionSettings.BUILT_IN.size() + signalNames.size();
    String[] all = new String[c];
    weights = new double[c];
    raw = new double[c][];
    raw[0] = st.pageRank();
    raw[1] = wg.given;
    raw[2] = wg.responses;
    raw[3] = wg.endorsements;
    raw[4] = brokerage(st, n);
    for (int i = 0; i < ChampionSettings.BUILT_IN.size(); i++) {
      all[i] = ChampionSettings.BUILT_IN.get(i);
      weights[i] = settings.weight(all[i], 0);
    }
    for (int s = 0; s < signalNames.size(); s++) {
      int i = ChampionSettings.BUILT_IN.size() + s;
      all[i] = signalNames.get(s);
      weights[i] = signalWeights[s];
      raw[i] = signalValues[s];
    }
    names = List.of(all);
    components = new double[c][];
    for (int i = 0; i < c; i++) {
      components[i] = i == 4 ? raw[i] : normalised(raw[i]);
    }
    score = new double[n];
    for (int i = 0; i < c; i++) {
      if (weights[i] == 0) {
        continue;
      }
      double[] comp = components[i];
      for (int v = 0; v < n; v++) {
        score[v] += weights[i] * comp[v];
      }
    }
    championCut = championCut(score, thresholds.championQuantile());
  }

  private static double[] brokerage(Structure st, int n) {
    double maxB = max(st.betweenness());
    double[] b = new double[n];
    for (int v = 0; v < n; v++) {
      double bet = maxB > 0 && Double.isFinite(st.betweenness()[v]) ? st.betweenness()[v] / maxB : 0;
      double c = st.constraint()[v];
      double low = Double.isNaN(c) ? 0 : Math.max(0, 1 - c);
      b[v] = (bet + low) / 2;
    }
    return b;
  }

  static double max(double[] x) {
    double m = 0;
    for (double d : x) {
      if (d > m) {
        m = d;
      }
    }
    return m;
  }

  static double[] normalised(double[] x) {
    double m = max(x);
    double[] out = new double[x.length];
    if (m > 0) {
      for (int i = 0; i < x.length; i++) {
        out[i] = Double.isFinite(x[i]) && x[i] > 0 ? x[i] / m : 0;
      }
    }
    return out;
  }

  /**
   * The lowest score that is a champion's: with m positive scores, the top ceil((1 - q) * m),
   * ties at the cut included; +infinity when no score is positive.
   */
  static double championCut(double[] score, double q) {
    double[] pos = Arrays.stream(score).filter(s -> s > 0).sorted().toArray();
    if (pos.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    int top = Math.max(1, (int) Math.ceil((1 - q) * pos.length - 1e-9));
    return pos[pos.length - top];
  }

  /** The roles of a node. */
  Set<ChampionRole> roles(int v, int[] teamOfRoster) {
    Set<ChampionRole> r = new HashSet<>();
    if (score[v] > 0 && score[v] >= championCut) {
      r.add(ChampionRole.CHAMPION);
    }
    if (components[4][v] >= thresholds.connectorBrokerage() && components[4][v] > 0
        && groups(v, teamOfRoster) >= thresholds.connectorGroups()) {
      r.add(ChampionRole.CONNECTOR);
    }
    return r;
  }

  /** Whether the node holds the role, cheaper than {@link #roles} for one role. */
  boolean holds(int v, ChampionRole role, int[] teamOfRoster) {
    return roles(v, teamOfRoster).contains(role);
  }

  /**
   * How many groups the node's ties reach, its own included: the larger of the number of distinct
   * communities and the number of distinct (first) teams among the node and its neighbours.
   */
  int groups(int v, int[] teamOfRoster) {
    InteractionGraph g = wg.graph;
    Set<Integer> communities = new HashSet<>();
    Set<Integer> teams = new HashSet<>();
    communities.add(st.community()[v]);
    int own = teamOfRoster[wg.rosterOf[v]];
    if (own >= 0) {
      teams.add(own);
    }
    g.forEachNeighbour(v, (u, w) -> {
      communities.add(st.community()[u]);
      int t = teamOfRoster[wg.rosterOf[u]];
      if (t >= 0) {
        teams.add(t);
      }
    });
    return Math.max(communities.size(), teams.size());
  }

  /** The persona of a node; see {@link Persona}. */
  Persona persona(int v) {
    double g = wg.given[v];
    double r = wg.responses[v];
    if (g + r < thresholds.observerActivity()) {
      return Persona.OBSERVER;
    }
    double ratio = Math.log((r + 1) / (g + 1));
    double tau = thresholds.personaTau();
    if (ratio < -tau && g > 0 && wg.posts[v] / g >= thresholds.broadcasterPostShare()) {
      return Persona.BROADCASTER;
    }
    if (ratio > tau) {
      return Persona.CATALYST;
    }
    if (ratio < -tau) {
      return Persona.RESPONDER;
    }
    return Persona.ENGAGER;
  }
}
