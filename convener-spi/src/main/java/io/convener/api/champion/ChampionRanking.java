package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  }

  /** The ranking, and every entry, with the provenance id of its call. */
  public ChampionRanking withProvenanceId(long id) {
    List<RankedMember> stamped = new ArrayList<>(champions.size());
    for (RankedMember m : champions) {
      stamped.add(m.withProvenanceId(id));
    }
    return new ChampionRanking(asOf, window, stamped, candidates, withheld, graph, betweenness, settings, signals, id);
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
