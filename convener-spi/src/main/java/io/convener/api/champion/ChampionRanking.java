package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.pulse.Staleness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranked champions and connectors of a tenant for one query.
 *
 * @param asOf the end of the window (exclusive)
 * @param window the window's length
 * @param champions the listed entries, best first
 * @param candidates members who matched the filters (consenting or not)
 * @param withheld candidates left out for lack of consent: counted, never named
 * @param graph the graph and data the ranking reflects
 * @param betweenness how betweenness (part of brokerage) was obtained
 * @param settings the settings used: weights, exclusions, thresholds
 * @param signals the plugin signals that took part, by name, with the weight each had
 * @param stale why the ranking is not fresh, if it is not: the store failed, and this is the last
 *     ranking computed for the same query, listing only the entries whose consent could be
 *     re-checked (see {@link #asStale})
 * @param provenanceId the provenance entry of the call; 0 before the call is stamped
 */
public record ChampionRanking(
    Instant asOf,
    Duration window,
    List<RankedMember> champions,
    int candidates,
    int withheld,
    GraphSummary graph,
    Exactness betweenness,
    ChampionSettings settings,
    Map<String, Double> signals,
    Optional<Staleness> stale,
    long provenanceId)
    implements NamesPeople {
  /** Validates and copies. */
  public ChampionRanking {
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    champions = List.copyOf(requireNonNull(champions, "champions"));
    requireNonNull(graph, "graph");
    requireNonNull(betweenness, "betweenness");
    requireNonNull(settings, "settings");
    signals = Map.copyOf(requireNonNull(signals, "signals"));
    requireNonNull(stale, "stale");
  }

  /** A fresh ranking. */
  public ChampionRanking(Instant asOf, Duration window, List<RankedMember> champions, int candidates, int withheld,
      GraphSummary graph, Exactness betweenness, ChampionSettings settings, Map<String, Double> signals,
      long provenanceId) {
    this(asOf, window, champions, candidates, withheld, graph, betweenness, settings, signals, Optional.empty(),
        provenanceId);
  }

  /**
   * This ranking served stale, unstamped: it lists only {@code named} of its entries (those whose
   * consent could be re-checked), and counts the others as withheld.
   *
   * @param named the entries still listed, a subset of {@link #champions()}
   * @param why when the ranking was computed, and what failed
   */
  public ChampionRanking asStale(List<RankedMember> named, Staleness why) {
    int dropped = champions.size() - named.size();
    if (dropped < 0 || !champions.containsAll(named)) {
      throw new IllegalArgumentException("a stale ranking lists a subset of its entries");
    }
    List<RankedMember> unstamped = named.stream().map(m -> m.withProvenanceId(0)).toList();
    return new ChampionRanking(asOf, window, unstamped, candidates, withheld + dropped, graph, betweenness, settings,
        signals, Optional.of(why), 0);
  }

  /** The ranking, and every entry, with the provenance id of its call. */
  public ChampionRanking withProvenanceId(long id) {
    List<RankedMember> stamped = new ArrayList<>(champions.size());
    for (RankedMember m : champions) {
      stamped.add(m.withProvenanceId(id));
    }
    return new ChampionRanking(asOf, window, stamped, candidates, withheld, graph, betweenness, settings, signals,
        stale, id);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    for (RankedMember m : champions) {
      all.addAll(m.disclosures());
    }
    return all;
  }
}
