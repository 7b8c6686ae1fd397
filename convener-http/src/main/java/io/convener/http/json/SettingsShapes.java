package io.convener.http.json;

import io.convener.api.MemberId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.pulse.PulseSettings;
import io.convener.api.pulse.ScopeWatchers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of a tenant's settings: the shapes {@code convener settings} and {@code
 * convener watchers} print with {@code --format json} and the {@code /v1/admin} routes answer.
 * Each settings document, sent back unchanged, is a valid {@code PUT} body of its route.
 */
public final class SettingsShapes {
  /** The fields of the pulse settings document, in its order. */
  public static final List<String> PULSE_FIELDS = List.of("minGroupSize", "engagementDrop", "silentAfterEvents",
      "unansweredBelow", "minMessages", "inclusionGini", "negativeSentiment", "minScoredEvents", "lowPsychSafety");

  /** The fields of the champion thresholds object, in its order. */
  public static final List<String> THRESHOLD_FIELDS = List.of("championQuantile", "connectorBrokerage",
      "connectorGroups", "observerActivity", "personaTau", "broadcasterPostShare", "repeatDecay", "structuralRefresh");

  private SettingsShapes() {}

  /**
   * The consent policy: {@code {enabled: [purpose, ...]}}, purposes in name order.
   *
   * @param policy the policy
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(ConsentPolicy policy) {
    return Map.of("enabled", policy.enabled().stream().map(Purpose::name).toList());
  }

  /**
   * The pulse settings: one number per threshold, named as the record components are.
   *
   * @param s the settings
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(PulseSettings s) {
    List<Number> values = List.of(s.minGroupSize(), s.engagementDrop(), s.silentAfterEvents(), s.unansweredBelow(),
        s.minMessages(), s.inclusionGini(), s.negativeSentiment(), s.minScoredEvents(), s.lowPsychSafety());
    return zip(PULSE_FIELDS, values);
  }

  /**
   * The champion settings: {@code {weights: {component: weight}, excluded: [member], thresholds:
   * {...}}}.
   *
   * @param s the settings
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(ChampionSettings s) {
    ChampionThresholds t = s.thresholds();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("weights", new LinkedHashMap<>(s.weights()));
    doc.put("excluded", s.excluded().stream().map(MemberId::value).toList());
    doc.put("thresholds", zip(THRESHOLD_FIELDS, List.of(t.championQuantile(), t.connectorBrokerage(),
        t.connectorGroups(), t.observerActivity(), t.personaTau(), t.broadcasterPostShare(), t.repeatDecay(),
        t.structuralRefresh())));
    return doc;
  }

  /**
   * Watcher lists: {@code {watchers: [{scope, members: [member]}]}}, scopes in the order given.
   *
   * @param lists the lists, one per scope
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(List<ScopeWatchers> lists) {
    return Map.of("watchers", lists.stream().map(w -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("scope", w.scope().wireName());
      one.put("members", w.members().stream().map(MemberId::value).toList());
      return one;
    }).toList());
  }

  private static Map<String, Object> zip(List<String> names, List<? extends Number> values) {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      doc.put(names.get(i), values.get(i));
    }
    return doc;
  }
}
