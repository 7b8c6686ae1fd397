package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tenant's champion settings: the weight of each score component, the staff and bot accounts
 * left out of every result and every graph, and the thresholds. Immutable.
 *
 * @param weights weight by component name: the built-in {@link #INFLUENCE}, {@link #ENGAGEMENT},
 *     {@link #RESPONSES}, {@link #ENDORSEMENTS}, {@link #BROKERAGE}, and any plugin signal's name
 *     (a signal not named here counts with its own default weight); each finite and {@code >= 0}
 * @param excluded staff and bot accounts: their events are dropped and they are never ranked
 * @param thresholds roles, personas and anti-gaming cut-offs
 */
public record ChampionSettings(Map<String, Double> weights, Set<MemberId> excluded, ChampionThresholds thresholds) {
  /** Influence: PageRank on the interaction graph. */
  public static final String INFLUENCE = "influence";
  /** Engagement: what a member gives (posts, replies, reviews, reactions, mentions, meetings). */
  public static final String ENGAGEMENT = "engagement";
  /** Responses received: replies, reactions, mentions and reviews directed at the member. */
  public static final String RESPONSES = "responses";
  /** Endorsements received. */
  public static final String ENDORSEMENTS = "endorsements";
  /** Brokerage: betweenness and low Burt constraint. */
  public static final String BROKERAGE = "brokerage";
  /** The built-in components, in the order results list them. */
  public static final List<String> BUILT_IN = List.of(INFLUENCE, ENGAGEMENT, RESPONSES, ENDORSEMENTS, BROKERAGE);

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

  /** Validates and copies; weights keep their order. */
  public ChampionSettings {
    requireNonNull(weights, "weights");
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      checkName(e.getKey());
      double w = requireNonNull(e.getValue(), "weight of " + e.getKey());
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight of " + e.getKey() + " must be a finite number >= 0, got " + w);
      }
      copy.put(e.getKey(), w);
    }
    weights = java.util.Collections.unmodifiableMap(copy);
    excluded = java.util.Collections.unmodifiableSet(new TreeSet<>(requireNonNull(excluded, "excluded")));
    requireNonNull(thresholds, "thresholds");
  }

  /**
   * The documented defaults: influence 0.30, engagement 0.20, responses 0.20, endorsements 0.10,
   * brokerage 0.20 (they sum to 1); nobody excluded; {@link ChampionThresholds#defaults()}.
   */
  public static ChampionSettings defaults() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put(INFLUENCE, 0.30);
    w.put(ENGAGEMENT, 0.20);
    w.put(RESPONSES, 0.20);
    w.put(ENDORSEMENTS, 0.10);
    w.put(BROKERAGE, 0.20);
    return new ChampionSettings(w, Set.of(), ChampionThresholds.defaults());
  }

  /** The weight of a component, or {@code fallback} when these settings do not name it. */
  public double weight(String component, double fallback) {
    return weights.getOrDefault(component, fallback);
  }

  /** A copy with one weight set. */
  public ChampionSettings withWeight(String component, double weight) {
    Map<String, Double> w = new LinkedHashMap<>(weights);
    w.put(component, weight);
    return new ChampionSettings(w, excluded, thresholds);
  }

  /** A copy with these staff and bot accounts excluded. */
  public ChampionSettings withExcluded(Set<MemberId> accounts) {
    return new ChampionSettings(weights, accounts, thresholds);
  }

  /** A copy with these thresholds. */
  public ChampionSettings withThresholds(ChampionThresholds t) {
    return new ChampionSettings(weights, excluded, t);
  }

  /**
   * Checks a component or signal name: 1 to 64 characters of {@code [a-z0-9._-]}, starting with a
   * letter.
   *
   * @return the name
   * @throws IllegalArgumentException naming the problem
   */
  public static String checkName(String name) {
    requireNonNull(name, "component name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "component name must be 1 to 64 characters of [a-z0-9._-] starting with a letter: '" + name + "'");
    }
    return name;
  }
}
